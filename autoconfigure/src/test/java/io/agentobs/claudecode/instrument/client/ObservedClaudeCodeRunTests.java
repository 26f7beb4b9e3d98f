package io.agentobs.claudecode.instrument.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.DefaultChatObservationConvention;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.ReplayedClaudeCodeClient;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Behaviour of observed runs: lifecycle on every kind of end, threads, and failures of the
 * instrumentation itself never reaching the user.
 */
class ObservedClaudeCodeRunTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	@AfterEach
	void everyObservationStoppedOnceAndNoneLeftCurrent() {
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
	}

	@Test
	void userReceivesEveryMessageUnchangedAndInOrder() throws IOException {
		List<ClaudeMessage> recorded = Transcripts.parse("subagent-foreground.jsonl");
		ClaudeCodeClient client = observe(new ReplayedClaudeCodeClient(recorded));
		List<ClaudeMessage> received = new ArrayList<>();
		try (ClaudeCodeRun run = client.query("go")) {
			run.forEach(received::add);
		}
		assertThat(received).containsExactlyElementsOf(recorded);
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class)).hasSize(2);
	}

	@Test
	void runIsAChildOfTheCurrentObservation() throws IOException {
		ClaudeCodeClient client = observe(new ReplayedClaudeCodeClient(Transcripts.parse("tool-call.jsonl")));
		Observation request = Observation.start("http.server.requests", this.registry);
		try (Observation.Scope scope = request.openScope()) {
			client.query("go").awaitResult();
		}
		request.stop();
		assertThat(this.tree.render()).isEqualTo("""
				http.server.requests
				  invoke_agent claude-code
				    chat claude-sonnet-4-5
				    execute_tool Bash
				    chat claude-sonnet-4-5
				""");
	}

	@Test
	void observationsEndWhenConsumerClosesStreamEarly() throws IOException {
		ReplayedClaudeCodeClient replayed = new ReplayedClaudeCodeClient(Transcripts.parse("tool-call.jsonl"));
		ClaudeCodeClient client = observe(replayed);
		try (Stream<ClaudeMessage> messages = client.query("go").stream()) {
			assertThat(messages.limit(3).count()).isEqualTo(3);
		}
		assertThat(replayed.closedRuns).hasValue(1);
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				""");
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).getError()).isNull();
	}

	@Test
	void failureOfTheClientFailsTheAgentAndEndsOpenChildren() throws IOException {
		ClaudeCodeClient client = observe(
				new ReplayedClaudeCodeClient(Transcripts.parse("tool-call.jsonl"), 3));
		try (ClaudeCodeRun run = client.query("go")) {
			assertThatIllegalStateException().isThrownBy(() -> run.forEach((message) -> {
			})).withMessage("CLI exited with code 137");
		}
		AgentInvocationObservationContext agent = this.tree.contexts(AgentInvocationObservationContext.class).get(0);
		assertThat(agent.getError()).isInstanceOf(IllegalStateException.class);
		assertThat(agent.getErrorType()).isEqualTo("IllegalStateException");
	}

	@Test
	void runEndingWithoutResultIsAFailure() throws IOException {
		List<ClaudeMessage> withoutResult = Transcripts.parse("tool-call.jsonl").subList(0, 4);
		ClaudeCodeClient client = observe(new ReplayedClaudeCodeClient(withoutResult));
		try (ClaudeCodeRun run = client.query("go")) {
			run.forEach((message) -> {
			});
		}
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).getErrorType())
			.isEqualTo("no_result");
	}

	@Test
	void messagesConsumedOnAnotherThreadKeepTheirParents() throws Exception {
		ClaudeCodeClient client = observe(
				new ReplayedClaudeCodeClient(Transcripts.parse("subagent-foreground.jsonl")));
		ClaudeCodeRun run = client.query("go");
		CompletableFuture.runAsync(run::awaitResult).get();
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Agent
				    invoke_agent general-purpose
				      chat claude-sonnet-4-5
				      execute_tool Bash
				  chat claude-sonnet-4-5
				""");
	}

	@Test
	void failingConventionNeverReachesTheUser() throws IOException {
		DefaultChatObservationConvention failing = new DefaultChatObservationConvention() {
			@Override
			public KeyValues getHighCardinalityKeyValues(ChatObservationContext context) {
				throw new IllegalArgumentException("broken convention");
			}
		};
		List<ClaudeMessage> recorded = Transcripts.parse("tool-call.jsonl");
		ClaudeCodeClient client = ClaudeCodeObservations.observe(new ReplayedClaudeCodeClient(recorded),
				AgentRunObservations.builder(this.registry).chatConvention(failing).build());
		List<ClaudeMessage> received = new ArrayList<>();
		try (ClaudeCodeRun run = client.query("go")) {
			run.forEach(received::add);
		}
		assertThat(received).containsExactlyElementsOf(recorded);
	}

	@Test
	void failingHandlerNeverReachesTheUser() throws IOException {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public void onStart(Observation.Context context) {
				if (context instanceof ChatObservationContext) {
					throw new IllegalStateException("broken handler");
				}
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}
		});
		List<ClaudeMessage> recorded = Transcripts.parse("tool-call.jsonl");
		ClaudeCodeClient client = observe(new ReplayedClaudeCodeClient(recorded));
		List<ClaudeMessage> received = new ArrayList<>();
		try (ClaudeCodeRun run = client.query("go")) {
			run.forEach(received::add);
		}
		assertThat(received).containsExactlyElementsOf(recorded);
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class)).hasSize(1);
	}

	@Test
	void traceContextReachesTheCliEnvironment() throws IOException {
		ReplayedClaudeCodeClient replayed = new ReplayedClaudeCodeClient(
				Transcripts.parse("tool-call.jsonl"));
		ClaudeCodeClient client = ClaudeCodeObservations.observe(replayed,
				AgentRunObservations.builder(this.registry).cliEnvironmentProviders(List.of((observation) -> java.util.Map.of("TRACEPARENT",
								"00-" + observation.getContext().getName() + "-01"))).build());
		client.query("go").awaitResult();
		assertThat(replayed.queriedOptions).singleElement()
			.satisfies((options) -> assertThat(options.getProcessListener().environment()).containsEntry("TRACEPARENT",
					"00-gen_ai.invoke_agent-01"));
	}

	private ClaudeCodeClient observe(ClaudeCodeClient client) {
		return ClaudeCodeObservations.observe(client, this.registry, "claude-code");
	}

}
