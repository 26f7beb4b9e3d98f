package io.agentobs.claudecode.client.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeException;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.UnknownMessage;
import io.agentobs.claudecode.metrics.SessionStoreMeters;
import io.agentobs.claudecode.scripted.RecordedCall;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.session.ProjectKeys;
import io.agentobs.claudecode.session.SessionEntry;
import io.agentobs.claudecode.session.SessionKey;
import io.agentobs.claudecode.session.jdbc.JdbcClaudeSessionStore;
import io.agentobs.claudecode.session.jdbc.JdbcSessionStoreSchemaInitializer;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.PostgresServer;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A conversation that continues on another client (its own CLI home and config directory)
 * through a session store on a real PostgreSQL: the real CLI mirrors its transcript
 * ({@code --session-mirror}), the second client materializes it and resumes.
 */
@Timeout(180)
class SessionStoreIT {

	@RegisterExtension
	static final PostgresServer postgres = new PostgresServer();

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment homeA = HermeticCliEnvironment.create();

	@RegisterExtension
	final HermeticCliEnvironment homeB = HermeticCliEnvironment.create();

	@RegisterExtension
	final ScriptedCli cli = ScriptedCli.create();

	private JdbcClaudeSessionStore store;

	@BeforeEach
	void start() {
		new JdbcSessionStoreSchemaInitializer(postgres.dataSource(), DatabaseInitializationMode.ALWAYS)
			.initializeDatabase();
		this.store = new JdbcClaudeSessionStore(postgres.dataSource(), JdbcClaudeSessionStore.DEFAULT_TABLE_NAME);
	}

	private ClaudeCodeClient client(HermeticCliEnvironment home) {
		return CliClaudeCodeClient.builder()
			.defaultOptions(this.cli.options(home, this.workingDirectory)
				.idleTimeout(Duration.ofSeconds(60))
				.build())
			.sessionStore(this.store)
			.build();
	}

	@Test
	void turnTwoOnAnotherClientCarriesTurnOnesMessagesAndKeepsTheSessionId() throws Exception {
		List<ClaudeMessage> turnOne = collect(
				client(this.homeA).query(Scenario.PLAIN_ANSWER.prompt("Remember the word pineapple")));
		String sessionId = ((ResultMessage) turnOne.get(turnOne.size() - 1)).sessionId();
		assertThat(turnOne).noneMatch((message) -> message instanceof UnknownMessage unknown
				&& "transcript_mirror".equals(unknown.type()));
		String projectKey = ProjectKeys.of(this.workingDirectory.toRealPath());
		List<SessionEntry> stored = this.store.load(SessionKey.main(projectKey, sessionId)).orElseThrow();
		assertThat(stored).extracting(SessionEntry::type).contains("user", "assistant");
		assertThat(stored.get(stored.size() - 1).type()).isEqualTo("cost-state");
		assertThat(this.homeA.home().resolve(".claude/projects")).doesNotExist();

		int callsBefore = this.cli.api().calls().size();
		List<ClaudeMessage> turnTwo;
		try (ClaudeCodeSession session = client(this.homeB).resumeSession(sessionId, null)) {
			turnTwo = collect(session.send(Scenario.PLAIN_ANSWER.prompt("Which word was it?")));
		}
		assertThat(((ResultMessage) turnTwo.get(turnTwo.size() - 1)).sessionId()).isEqualTo(sessionId);
		RecordedCall resumed = this.cli.api().calls().get(this.cli.api().calls().size() - 1);
		assertThat(this.cli.api().calls().size()).isGreaterThan(callsBefore);
		assertThat(resumed.request().path("messages").toString()).contains("Remember the word pineapple")
			.contains("Which word was it?");
		long uuids = JdbcClient.create(postgres.dataSource())
			.sql("SELECT COUNT(*) FROM claude_code_session_entry WHERE session_id = ? AND entry_uuid IS NOT NULL")
			.param(sessionId)
			.query(Long.class)
			.single();
		long distinct = JdbcClient.create(postgres.dataSource())
			.sql("SELECT COUNT(DISTINCT entry_uuid) FROM claude_code_session_entry WHERE session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
		long turnOneUuids = stored.stream().filter((entry) -> entry.uuid() != null).count();
		// turn two's entries were added to the session, none of turn one's stored twice
		assertThat(uuids).isEqualTo(distinct).isGreaterThan(turnOneUuids);
	}

	@Test
	void anIdTheStoreDoesNotHaveIsAClearExceptionAndANonUuidIsRefusedBeforeAnyProcess() {
		String unknown = UUID.randomUUID().toString();
		ClaudeCodeClient client = client(this.homeA);
		assertThatExceptionOfType(ClaudeCodeException.class).isThrownBy(() -> client.resumeSession(unknown, null))
			.withMessageContaining("no session '" + unknown + "'");
		assertThatIllegalArgumentException().isThrownBy(() -> client.resumeSession("../../etc/passwd", null))
			.withMessageContaining("must be a UUID");
		assertThat(this.cli.api().calls()).isEmpty();
		assertThat(Files.exists(this.homeA.home().resolve(".claude/projects"))).isFalse();
	}

	@Test
	void theDatabaseDownDuringARunNeitherFailsNorBlocksItAndTheNextSessionIsStoredAgain() throws Exception {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ClaudeCodeClient client = CliClaudeCodeClient.builder()
			.defaultOptions(this.cli.options(this.homeA, this.workingDirectory)
				.idleTimeout(Duration.ofSeconds(60))
				.build())
			.sessionStore(this.store)
			.sessionMirrorListener(new SessionStoreMeters(registry))
			.build();
		String projectKey = ProjectKeys.of(this.workingDirectory.toRealPath());
		postgres.stop();
		List<ClaudeMessage> during;
		try {
			during = collect(client.query(Scenario.PLAIN_ANSWER.prompt("Hello while the database is down")));
		}
		finally {
			postgres.start();
		}
		assertThat(during.get(0)).isInstanceOf(io.agentobs.claudecode.client.message.SystemMessage.class);
		assertThat(during.get(during.size() - 1)).isInstanceOfSatisfying(ResultMessage.class,
				(result) -> assertThat(result.isError()).isFalse());
		String lostSession = ((ResultMessage) during.get(during.size() - 1)).sessionId();
		assertThat(registry.get("claude_code.session_store.failures").counter().count()).isPositive();
		assertThat(registry.get("claude_code.session_store.dropped_entries").counter().count()).isPositive();
		assertThat(this.store.load(SessionKey.main(projectKey, lostSession))).isEmpty();

		List<ClaudeMessage> after = collect(client.query(Scenario.PLAIN_ANSWER.prompt("Hello again")));
		String storedSession = ((ResultMessage) after.get(after.size() - 1)).sessionId();
		assertThat(this.store.load(SessionKey.main(projectKey, storedSession))).isPresent();
		assertThat(registry.get("claude_code.session_store.entries").counter().count()).isPositive();
	}

	private static List<ClaudeMessage> collect(ClaudeCodeRun run) {
		List<ClaudeMessage> messages = new ArrayList<>();
		try (run) {
			run.forEach(messages::add);
		}
		return messages;
	}

}
