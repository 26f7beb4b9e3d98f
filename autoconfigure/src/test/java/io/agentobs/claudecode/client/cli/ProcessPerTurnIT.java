package io.agentobs.claudecode.client.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.session.ProjectKeys;
import io.agentobs.claudecode.session.SessionEntry;
import io.agentobs.claudecode.session.SessionKey;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.InMemorySessionStore;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session with a process per turn on the real CLI: the second turn's process resumes the
 * conversation of the first, from the CLI's config directory or from a session store.
 */
@Timeout(180)
class ProcessPerTurnIT {

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment home = HermeticCliEnvironment.create();

	@RegisterExtension
	final ScriptedCli cli = ScriptedCli.create();

	private CliClaudeCodeClient.Builder client() {
		return CliClaudeCodeClient.builder()
			.defaultOptions(this.cli.options(this.home, this.workingDirectory)
				.idleTimeout(Duration.ofSeconds(60))
				.processPerTurn(true)
				.build());
	}

	private String lastRequestMessages() {
		return this.cli.api().calls().get(this.cli.api().calls().size() - 1).request().path("messages").toString();
	}

	@Test
	void theSecondTurnsProcessResumesTheConversationFromTheConfigDirectory() {
		try (ClaudeCodeSession session = client().build().openSession()) {
			ResultMessage first = session.send(Scenario.PLAIN_ANSWER.prompt("Remember the word pineapple")).awaitResult();
			ResultMessage second = session.send(Scenario.PLAIN_ANSWER.prompt("Which word was it?")).awaitResult();
			assertThat(second.sessionId()).isEqualTo(first.sessionId()).isEqualTo(session.sessionId());
		}
		assertThat(lastRequestMessages()).contains("Remember the word pineapple").contains("Which word was it?");
	}

	@Test
	void theSecondTurnsProcessResumesTheConversationFromTheSessionStore() throws Exception {
		InMemorySessionStore store = new InMemorySessionStore();
		String firstSession;
		try (ClaudeCodeSession session = client().sessionStore(store)
			.build()
			.openSession()) {
			firstSession = session.send(Scenario.PLAIN_ANSWER.prompt("Remember the word pineapple"))
				.awaitResult()
				.sessionId();
			assertThat(session.send(Scenario.PLAIN_ANSWER.prompt("Which word was it?")).awaitResult().sessionId())
				.isEqualTo(firstSession);
		}
		assertThat(lastRequestMessages()).contains("Remember the word pineapple").contains("Which word was it?");
		List<SessionEntry> stored = store
			.load(SessionKey.main(ProjectKeys.of(this.workingDirectory.toRealPath()), firstSession))
			.orElseThrow();
		assertThat(stored.stream().map(SessionEntry::json).filter((json) -> json.contains("Which word was it?")))
			.isNotEmpty();
	}

}
