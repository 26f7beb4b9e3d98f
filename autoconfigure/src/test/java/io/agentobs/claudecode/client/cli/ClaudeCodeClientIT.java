package io.agentobs.claudecode.client.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ContentBlock;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.StreamEventMessage;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.client.message.UserMessage;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real Claude Code CLI (found through {@code CLAUDE_CODE_CLI_PATH}) against the
 * {@link ScriptedAnthropicApi}.
 */
@Timeout(120)
class ClaudeCodeClientIT {

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	@RegisterExtension
	final ScriptedCli cli = ScriptedCli.create();

	private ClaudeCodeClient client;

	@BeforeEach
	void createClient() {
		ClaudeCodeOptions defaults = this.cli.options(this.cliHome, this.workingDirectory)
			.allowedTools(List.of("Bash"))
			.idleTimeout(Duration.ofSeconds(60))
			.build();
		this.client = CliClaudeCodeClient.builder().defaultOptions(defaults).build();
	}

	@Test
	void toolOutputIsVisibleInAToolResult() {
		List<ClaudeMessage> messages = collect(this.client.query(Scenario.TOOL_CALL.prompt("Run the tool")));
		List<ContentBlock.ToolResult> toolResults = messages.stream()
			.filter(UserMessage.class::isInstance)
			.flatMap((message) -> ((UserMessage) message).toolResults().stream())
			.toList();
		assertThat(toolResults).singleElement()
			.satisfies((result) -> assertThat(result.content().asText()).contains("hello-from-tool"));
		assertThat(messages.get(0)).isInstanceOfSatisfying(SystemMessage.class,
				(init) -> assertThat(init.isInit()).isTrue());
		assertThat(messages.get(messages.size() - 1)).isInstanceOfSatisfying(ResultMessage.class,
				(result) -> assertThat(result.isError()).isFalse());
	}

	@Test
	void messageDeltaStreamEventsArePresentByDefault() {
		List<ClaudeMessage> messages = collect(this.client.query("Say something"));
		assertThat(messages).filteredOn(StreamEventMessage.class::isInstance)
			.map((message) -> ((StreamEventMessage) message).messageDelta())
			.anySatisfy((delta) -> assertThat(delta).get()
				.satisfies((value) -> assertThat(value.usage().outputTokens()).isPositive()));
	}

	@Test
	void sessionKeepsItsSessionIdOverSeveralPrompts() {
		try (ClaudeCodeSession session = this.client.openSession()) {
			ResultMessage first = session.send("First prompt").awaitResult();
			String sessionId = session.sessionId();
			ResultMessage second = session.send(Scenario.TOOL_CALL.prompt("Second prompt")).awaitResult();
			assertThat(sessionId).isNotBlank().isEqualTo(first.sessionId()).isEqualTo(second.sessionId());
			assertThat(session.sessionId()).isEqualTo(sessionId);
			assertThat(second.isError()).isFalse();
		}
	}

	@Test
	void resumedSessionContinuesTheSession() {
		String sessionId;
		try (ClaudeCodeSession session = this.client.openSession()) {
			session.send("First prompt").awaitResult();
			sessionId = session.sessionId();
		}
		try (ClaudeCodeSession session = this.client.resumeSession(sessionId, null)) {
			ResultMessage result = session.send("Second prompt").awaitResult();
			assertThat(result.isError()).isFalse();
			assertThat(result.sessionId()).isEqualTo(sessionId);
		}
	}

	@Test
	void interruptEndsASlowRunPromptly() {
		try (ClaudeCodeRun run = this.client.query(Scenario.SLOW.prompt("Take your time"))) {
			Iterator<ClaudeMessage> messages = run.iterator();
			assertThat(messages.next()).isInstanceOf(SystemMessage.class);
			long start = System.nanoTime();
			run.interrupt();
			ClaudeMessage last = null;
			while (messages.hasNext()) {
				last = messages.next();
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(last).isInstanceOf(ResultMessage.class);
		}
	}

	@Test
	void closeEndsASlowRunPromptly() {
		ClaudeCodeRun run = this.client.query(Scenario.SLOW.prompt("Take your time"));
		assertThat(run.iterator().next()).isInstanceOf(SystemMessage.class);
		long start = System.nanoTime();
		run.close();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	private static List<ClaudeMessage> collect(ClaudeCodeRun run) {
		List<ClaudeMessage> messages = new ArrayList<>();
		try (run) {
			run.forEach(messages::add);
		}
		return messages;
	}

}
