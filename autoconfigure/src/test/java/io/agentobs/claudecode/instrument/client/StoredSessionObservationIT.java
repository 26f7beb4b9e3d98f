package io.agentobs.claudecode.instrument.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.SessionLoadObservationContext;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.session.jdbc.JdbcClaudeSessionStore;
import io.agentobs.claudecode.session.jdbc.JdbcSessionStoreSchemaInitializer;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.sql.init.DatabaseInitializationMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation continued from the store by another observed client is one conversation in
 * the trace: both turns' {@code invoke_agent} observations carry the same
 * {@code gen_ai.conversation.id}. The store is a file-mode H2 database each client opens on
 * its own, as two instances of an application would. Loading the stored session is a
 * {@code claude_code.session_store.load} child of the resumed turn.
 */
@Timeout(180)
class StoredSessionObservationIT {

	@TempDir
	Path workingDirectory;

	@TempDir
	Path databaseDirectory;

	@RegisterExtension
	final HermeticCliEnvironment homeA = HermeticCliEnvironment.create();

	@RegisterExtension
	final HermeticCliEnvironment homeB = HermeticCliEnvironment.create();

	@RegisterExtension
	final ScriptedCli cli = ScriptedCli.create();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree observations = ObservationTree.of(this.registry);

	private ClaudeCodeClient instance(HermeticCliEnvironment home) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:file:" + this.databaseDirectory.resolve("sessions") + ";AUTO_SERVER=TRUE");
		new JdbcSessionStoreSchemaInitializer(dataSource, DatabaseInitializationMode.ALWAYS).initializeDatabase();
		CliClaudeCodeClient client = CliClaudeCodeClient.builder()
			.defaultOptions(this.cli.options(home, this.workingDirectory)
				.idleTimeout(Duration.ofSeconds(60))
				.build())
			.sessionStore(new JdbcClaudeSessionStore(dataSource, JdbcClaudeSessionStore.DEFAULT_TABLE_NAME))
			.build();
		return ClaudeCodeObservations.observe(client, this.registry, "support-agent");
	}

	@Test
	void bothTurnsCarryTheSameConversationId() {
		List<ClaudeMessage> turnOne = collect(instance(this.homeA).query(Scenario.PLAIN_ANSWER.prompt("Case 4711")));
		String sessionId = ((ResultMessage) turnOne.get(turnOne.size() - 1)).sessionId();
		assertThat(UUID.fromString(sessionId)).isNotNull();
		try (ClaudeCodeSession session = instance(this.homeB).resumeSession(sessionId, null)) {
			collect(session.send(Scenario.PLAIN_ANSWER.prompt("Any news on the case?")));
		}
		List<AgentInvocationObservationContext> agents = this.observations
			.contexts(AgentInvocationObservationContext.class);
		assertThat(agents).hasSize(2)
			.extracting(AgentInvocationObservationContext::getConversationId)
			.containsExactly(sessionId, sessionId);
		// what the agentruns endpoint shows as "sessionStore": true
		assertThat(agents).allMatch(AgentInvocationObservationContext::isSessionStoreBacked);
		assertThat(this.cli.api().calls().get(this.cli.api().calls().size() - 1).request().path("messages").toString())
			.contains("Case 4711");
		// The load from the store is part of the resumed turn, and only of that one
		List<SessionLoadObservationContext> loads = this.observations.contexts(SessionLoadObservationContext.class);
		assertThat(loads).singleElement().satisfies((load) -> {
			assertThat(load.getParentObservation().getContextView()).isSameAs(agents.get(1));
			assertThat(load.getSessionId()).isEqualTo(sessionId);
			assertThat(load.getEntries()).isGreaterThanOrEqualTo(3);
			assertThat(load.getBytes()).isGreaterThan(load.getEntries() * 50);
			assertThat(load.getHighCardinalityKeyValue("claude_code.session_store.entries").getValue())
				.isEqualTo(Long.toString(load.getEntries()));
			assertThat(load.getLowCardinalityKeyValue("error.type").getValue()).isEqualTo("none");
			assertThat(load.getError()).isNull();
		});
		assertThat(this.observations.notStoppedExactlyOnce()).isEmpty();
	}

	private static List<ClaudeMessage> collect(ClaudeCodeRun run) {
		try (run) {
			List<ClaudeMessage> messages = new java.util.ArrayList<>();
			run.forEach(messages::add);
			return messages;
		}
	}

}
