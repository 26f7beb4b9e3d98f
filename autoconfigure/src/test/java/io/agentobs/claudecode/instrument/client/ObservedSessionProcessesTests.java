package io.agentobs.claudecode.instrument.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.ClaudeProcessListener;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.options.SessionOptions;
import io.agentobs.claudecode.instrument.AgentObservationAdvisor;
import io.agentobs.claudecode.instrument.AgentObservationInterceptor;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.SessionLoadObservationContext;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.CliEnvironmentProvider;
import io.agentobs.claudecode.session.ProjectKeys;
import io.agentobs.claudecode.session.SessionKey;
import io.agentobs.claudecode.testsupport.FakeCli;
import io.agentobs.claudecode.testsupport.InMemorySessionStore;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.framework.ProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The CLI processes of observed sessions, against a fake CLI that logs each process's trace
 * context: the load of a session resumed from a store is a
 * {@code claude_code.session_store.load} child of its first turn's {@code invoke_agent}, and
 * with a process per turn each turn's process gets the trace context of that turn.
 */
@Timeout(60)
class ObservedSessionProcessesTests {

	private static final String STORED_SESSION = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";

	/** The session id the fake CLI of a new session reports. */
	private static final String NEW_SESSION = "3f1c9a2e-8b7d-4e6f-a5c4-1d2e3f4a5b6c";

	private static final String[] STORED_LINES = { "{\"type\":\"user\",\"uuid\":\"u1\",\"message\":{\"content\":\"Case 4711\"}}",
			"{\"type\":\"assistant\",\"uuid\":\"a1\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"Noted.\"}]}}" };

	private static final String LOAD = "claude_code.session_store.load";

	private static final String AGENT = "invoke_agent support-agent";

	@TempDir
	Path directory;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	private final InMemorySessionStore store = new InMemorySessionStore();

	/** The agent observations the environment provider was asked for, in that order. */
	private final List<Observation.Context> tracedAgents = new CopyOnWriteArrayList<>();

	private Path workingDirectory;

	private String projectKey;

	@BeforeEach
	void storeASession() throws IOException {
		this.workingDirectory = Files.createDirectory(this.directory.resolve("work")).toRealPath();
		this.projectKey = ProjectKeys.of(this.workingDirectory);
		this.store.put(SessionKey.main(this.projectKey, STORED_SESSION), STORED_LINES);
	}

	@AfterEach
	void everyObservationStoppedOnceAndNoneLeftCurrent() {
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
	}

	/**
	 * A trace context naming the agent observation it was made for: {@code 00-<n>-01}, the
	 * n-th observation asked for.
	 */
	private final CliEnvironmentProvider traceContext = (agent) -> {
		if (agent.isNoop()) {
			return Map.of();
		}
		synchronized (this.tracedAgents) {
			if (!this.tracedAgents.contains(agent.getContext())) {
				this.tracedAgents.add(agent.getContext());
			}
			return Map.of("TRACEPARENT", "00-" + this.tracedAgents.indexOf(agent.getContext()) + "-01");
		}
	};

	/**
	 * A fake CLI that logs its start and its {@code TRACEPARENT} and {@code USER_MARK}, then
	 * answers each prompt with {@code init} and a result of the session it resumes or a new
	 * one.
	 */
	private Path fakeCli() throws IOException {
		Path dir = this.directory;
		return FakeCli.script(this.directory, "echo \"$$\" >> " + dir.resolve("started") + "\n"
				+ "echo \"$TRACEPARENT|$USER_MARK\" > " + dir.resolve("env-") + "$$\n"
				+ "for a in \"$@\"; do case \"$a\" in --resume=*) resumed=\"${a#--resume=}\";; esac; done\n"
				+ "sid=${resumed:-" + NEW_SESSION + "}\n"
				+ "while read -r line; do\n  case \"$line\" in\n    *'\"type\":\"user\"'*)\n"
				+ "      echo '{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"'$sid'\",\"model\":\"claude-sonnet-4-5\"}'\n"
				+ "      echo '{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"num_turns\":1,"
				+ "\"result\":\"pid-'$$'\",\"session_id\":\"'$sid'\"}' ;;\n  esac\ndone\n");
	}

	private CliClaudeCodeClient client(ClaudeCodeOptions.Builder defaults, boolean withStore) throws IOException {
		return CliClaudeCodeClient.builder()
			.defaultOptions(defaults.cliPath(fakeCli()).workingDirectory(this.workingDirectory).build())
			.sessionStore(withStore ? this.store : null)
			.build();
	}

	private AgentRunObservations observations() {
		return AgentRunObservations.builder(this.registry)
			.agentName("support-agent")
			.cliEnvironmentProviders(List.of(this.traceContext))
			.build();
	}

	/** Observed as {@link ClaudeCodeObservations#observe} does. */
	private ClaudeCodeClient observe(ClaudeCodeClient client) {
		return ClaudeCodeObservations.observe(client, observations());
	}

	/** Observed with the instrumentation's default of a process per turn for sessions. */
	private ClaudeCodeClient observeWithProcessPerTurnSessions(ClaudeCodeClient client) {
		AgentRunObservations observations = observations();
		ProxyFactory proxyFactory = new ProxyFactory(client);
		proxyFactory.addInterface(ClaudeCodeClient.class);
		proxyFactory.addAdvisor(new AgentObservationAdvisor(new AgentObservationInterceptor(
				List.of(new ClaudeCodeClientInstrumentation(() -> observations, false, true)))));
		return (ClaudeCodeClient) proxyFactory.getProxy(getClass().getClassLoader());
	}

	private List<String> startedPids() throws IOException {
		Path started = this.directory.resolve("started");
		return Files.exists(started) ? Files.readAllLines(started) : List.of();
	}

	private String environmentOf(String pid) throws IOException {
		return Files.readString(this.directory.resolve("env-" + pid)).trim();
	}

	private static String value(Observation.Context context, String key) {
		KeyValue value = context.getHighCardinalityKeyValue(key);
		if (value == null) {
			value = context.getLowCardinalityKeyValue(key);
		}
		return (value != null) ? value.getValue() : null;
	}

	@Test
	void theStoresLoadIsAChildOfTheFirstTurnOfAResumedSessionOnly() throws Exception {
		ClaudeCodeClient client = observe(client(ClaudeCodeOptions.builder(), true));
		try (ClaudeCodeSession session = client.resumeSession(STORED_SESSION, null)) {
			session.send("Any news on the case?").awaitResult();
			session.send("And now?").awaitResult();
		}
		assertThat(this.tree.render()).isEqualTo(AGENT + "\n  " + LOAD + "\n" + AGENT + "\n");
		assertThat(this.tree.events()).containsExactly("+" + AGENT, "+" + LOAD, "-" + LOAD, "-" + AGENT, "+" + AGENT,
				"-" + AGENT);
		List<AgentInvocationObservationContext> agents = this.tree.contexts(AgentInvocationObservationContext.class);
		SessionLoadObservationContext load = this.tree.contexts(SessionLoadObservationContext.class).get(0);
		assertThat(load.getParentObservation().getContextView()).isSameAs(agents.get(0));
		long bytes = String.join("\n", STORED_LINES).length() + 1;
		assertThat(value(load, "claude_code.session_store.entries")).isEqualTo("2");
		assertThat(value(load, "claude_code.session_store.bytes")).isEqualTo(Long.toString(bytes));
		assertThat(value(load, "gen_ai.conversation.id")).isEqualTo(STORED_SESSION);
		assertThat(value(load, "error.type")).isEqualTo("none");
		assertThat(load.getError()).isNull();
		assertThat(agents).extracting(AgentInvocationObservationContext::getConversationId)
			.containsExactly(STORED_SESSION, STORED_SESSION);
		// The one process was started for the first turn, with its trace context
		assertThat(startedPids()).hasSize(1);
		assertThat(environmentOf(startedPids().get(0))).isEqualTo("00-0-01|");
		assertThat(this.tracedAgents.get(0)).isSameAs(agents.get(0));
	}

	@Test
	void aQueryThatResumesAStoredSessionHasTheLoadAsAChild() throws Exception {
		ClaudeCodeClient client = observe(client(ClaudeCodeOptions.builder(), true));
		client.query("Any news on the case?",
				ClaudeCodeOptions.builder().session(SessionOptions.resume(STORED_SESSION)).build())
			.awaitResult();
		assertThat(this.tree.render()).isEqualTo(AGENT + "\n  " + LOAD + "\n");
		assertThat(this.tree.events()).containsExactly("+" + AGENT, "+" + LOAD, "-" + LOAD, "-" + AGENT);
		assertThat(value(this.tree.contexts(SessionLoadObservationContext.class).get(0), "gen_ai.conversation.id"))
			.isEqualTo(STORED_SESSION);
		assertThat(environmentOf(startedPids().get(0))).isEqualTo("00-0-01|");
	}

	@Test
	void aLoadThatFailsIsAFailedLoadInATurnThatFailsWithIt() throws Exception {
		ClaudeCodeClient client = observe(client(ClaudeCodeOptions.builder(), true));
		try (ClaudeCodeSession session = client.resumeSession(STORED_SESSION, null)) {
			IllegalStateException failure = new IllegalStateException("database down");
			this.store.failLoads(failure);
			assertThatIllegalStateException().isThrownBy(() -> session.send("Any news on the case?")).isSameAs(failure);
			assertThat(this.tree.render()).isEqualTo(AGENT + "\n  " + LOAD + "\n");
			assertThat(this.tree.events()).containsExactly("+" + AGENT, "+" + LOAD, "-" + LOAD, "-" + AGENT);
			SessionLoadObservationContext load = this.tree.contexts(SessionLoadObservationContext.class).get(0);
			assertThat(load.getError()).isSameAs(failure);
			assertThat(value(load, "error.type")).isEqualTo(IllegalStateException.class.getName());
			assertThat(value(load, "claude_code.session_store.entries")).isEqualTo("0");
			AgentInvocationObservationContext agent = this.tree.contexts(AgentInvocationObservationContext.class).get(0);
			assertThat(agent.getError()).isSameAs(failure);
			assertThat(agent.getErrorType()).isEqualTo("IllegalStateException");
			assertThat(startedPids()).isEmpty();
		}
	}

	@Test
	void withAProcessPerTurnEveryTurnsProcessGetsTheTraceContextOfThatTurn() throws Exception {
		ClaudeProcessListener userListener = new ClaudeProcessListener() {

			@Override
			public Map<String, String> environment() {
				return Map.of("USER_MARK", "kept", "TRACEPARENT", "overridden by the instrumentation");
			}

		};
		ClaudeCodeClient client = observe(
				client(ClaudeCodeOptions.builder().processPerTurn(true).processListener(userListener), false));
		try (ClaudeCodeSession session = client.openSession()) {
			session.send("one").awaitResult();
			session.send("two").awaitResult();
			session.send("three").awaitResult();
		}
		List<AgentInvocationObservationContext> agents = this.tree.contexts(AgentInvocationObservationContext.class);
		assertThat(agents).hasSize(3);
		assertThat(this.tracedAgents).containsExactlyElementsOf(agents);
		List<String> pids = startedPids();
		assertThat(pids).hasSize(3);
		assertThat(environmentOf(pids.get(0))).isEqualTo("00-0-01|kept");
		assertThat(environmentOf(pids.get(1))).isEqualTo("00-1-01|kept");
		assertThat(environmentOf(pids.get(2))).isEqualTo("00-2-01|kept");
		assertThat(this.tree.contexts(SessionLoadObservationContext.class)).isEmpty();
	}

	@Test
	void withAProcessPerTurnAndAStoreEveryLaterTurnHasItsOwnLoad() throws Exception {
		ClaudeCodeClient client = observe(client(ClaudeCodeOptions.builder().processPerTurn(true), true));
		try (ClaudeCodeSession session = client.resumeSession(STORED_SESSION, null)) {
			session.send("one").awaitResult();
			session.send("two").awaitResult();
		}
		// The fake CLI mirrors nothing: each process resumes what the store held at resume
		assertThat(this.tree.render()).isEqualTo(AGENT + "\n  " + LOAD + "\n" + AGENT + "\n  " + LOAD + "\n");
		List<AgentInvocationObservationContext> agents = this.tree.contexts(AgentInvocationObservationContext.class);
		List<SessionLoadObservationContext> loads = this.tree.contexts(SessionLoadObservationContext.class);
		assertThat(loads.get(1).getParentObservation().getContextView()).isSameAs(agents.get(1));
		assertThat(loads).extracting((load) -> value(load, "claude_code.session_store.entries")).containsExactly("2", "2");
		assertThat(environmentOf(startedPids().get(1))).isEqualTo("00-1-01|");
	}

	@Test
	void theInstrumentationsDefaultGivesSessionsThatCanResumeAProcessPerTurn() throws Exception {
		ClaudeCodeClient client = observeWithProcessPerTurnSessions(client(ClaudeCodeOptions.builder(), false));
		try (ClaudeCodeSession session = client.openSession()) {
			session.send("one").awaitResult();
			session.send("two").awaitResult();
		}
		List<String> pids = startedPids();
		assertThat(pids).hasSize(2);
		assertThat(environmentOf(pids.get(0))).isEqualTo("00-0-01|");
		assertThat(environmentOf(pids.get(1))).isEqualTo("00-1-01|");
	}

	@Test
	void theInstrumentationsDefaultLeavesOneProcessToSessionsThatCannotResumeOrChoseOne() throws Exception {
		ClaudeCodeClient notPersisted = observeWithProcessPerTurnSessions(
				client(ClaudeCodeOptions.builder().persistSession(false), false));
		try (ClaudeCodeSession session = notPersisted.openSession()) {
			session.send("one").awaitResult();
			session.send("two").awaitResult();
		}
		assertThat(startedPids()).hasSize(1);
		ClaudeCodeClient chosen = observeWithProcessPerTurnSessions(client(ClaudeCodeOptions.builder(), false));
		try (ClaudeCodeSession session = chosen.openSession(ClaudeCodeOptions.builder().processPerTurn(false).build())) {
			session.send("one").awaitResult();
			session.send("two").awaitResult();
		}
		assertThat(startedPids()).hasSize(2);
		// The one process of a session starts when it opens, outside any turn: no trace context
		assertThat(environmentOf(startedPids().get(0))).isEqualTo("|");
		assertThat(environmentOf(startedPids().get(1))).isEqualTo("|");
	}

}
