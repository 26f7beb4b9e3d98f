package io.agentobs.claudecode.client.cli;

import java.nio.file.Path;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.options.SessionOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClaudeCliCommand}.
 */
class ClaudeCliCommandTests {

	private static final Path CLI = Path.of("/opt/claude");

	private static final String SESSION = "0b6f3f4e-2a4d-4c6e-9f57-1c2d3e4f5a6b";

	private static final String OTHER_SESSION = "7d9e1c2a-5b3f-4e8d-a1b2-c3d4e5f6a7b8";

	@Test
	void emptyOptionsStartBidirectionalStreamJsonWithPartialMessages() {
		assertThat(ClaudeCliCommand.of(CLI, ClaudeCodeOptions.empty())).containsExactly("/opt/claude",
				"--output-format=stream-json", "--verbose", "--input-format=stream-json",
				"--include-partial-messages");
	}

	@Test
	void everyOptionBecomesOneArgument() {
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.model("m")
			.permissionMode("plan")
			.maxTurns(2)
			.systemPrompt("sys")
			.appendSystemPrompt("more")
			.allowedTools(List.of("Bash", "Read"))
			.disallowedTools(List.of("WebFetch"))
			.includePartialMessages(false)
			.session(SessionOptions.resume(SESSION))
			.build();
		assertThat(ClaudeCliCommand.of(CLI, options)).containsExactly("/opt/claude", "--output-format=stream-json",
				"--verbose", "--input-format=stream-json", "--model=m", "--permission-mode=plan", "--max-turns=2",
				"--system-prompt=sys", "--append-system-prompt=more", "--allowedTools=Bash,Read",
				"--disallowedTools=WebFetch", "--resume=" + SESSION);
	}

	@Test
	void valuesThatLookLikeFlagsStayInsideTheirArgument() {
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.systemPrompt("--dangerously-skip-permissions")
			.model("--version")
			.session(SessionOptions.builder().sessionId(SESSION).name("--dangerously-skip-permissions").build())
			.build();
		assertThat(ClaudeCliCommand.of(CLI, options)).contains("--system-prompt=--dangerously-skip-permissions",
				"--model=--version", "--name=--dangerously-skip-permissions")
			.doesNotContain("--dangerously-skip-permissions", "--version");
	}

	@Test
	void sessionOptionsBecomeSessionFlags() {
		ClaudeCodeOptions forked = ClaudeCodeOptions.builder()
			.session(SessionOptions.builder().resume(SESSION).fork(true).sessionId(OTHER_SESSION).name("n").build())
			.persistSession(false)
			.includePartialMessages(false)
			.build();
		assertThat(ClaudeCliCommand.of(CLI, forked)).containsExactly("/opt/claude", "--output-format=stream-json",
				"--verbose", "--input-format=stream-json", "--resume=" + SESSION, "--fork-session",
				"--session-id=" + OTHER_SESSION, "--name=n", "--no-session-persistence");
		ClaudeCodeOptions continued = ClaudeCodeOptions.builder()
			.session(SessionOptions.builder().continueLatest(true).build())
			.persistSession(true)
			.includePartialMessages(false)
			.build();
		assertThat(ClaudeCliCommand.of(CLI, continued)).containsExactly("/opt/claude", "--output-format=stream-json",
				"--verbose", "--input-format=stream-json", "--continue");
	}

	@Test
	void neverBypassesPermissionsByDefault() {
		assertThat(ClaudeCliCommand.of(CLI, ClaudeCodeOptions.empty())).noneMatch(
				(argument) -> argument.contains("bypassPermissions") || argument.contains("dangerously"));
	}

}
