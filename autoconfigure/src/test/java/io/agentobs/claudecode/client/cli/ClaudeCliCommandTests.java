package io.agentobs.claudecode.client.cli;

import java.nio.file.Path;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClaudeCliCommand}.
 */
class ClaudeCliCommandTests {

	private static final Path CLI = Path.of("/opt/claude");

	@Test
	void emptyOptionsStartBidirectionalStreamJsonWithPartialMessages() {
		assertThat(ClaudeCliCommand.of(CLI, ClaudeCodeOptions.empty(), null)).containsExactly("/opt/claude",
				"--output-format", "stream-json", "--verbose", "--input-format", "stream-json",
				"--include-partial-messages");
	}

	@Test
	void everyOptionBecomesAnArgument() {
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.model("m")
			.permissionMode("plan")
			.maxTurns(2)
			.systemPrompt("sys")
			.appendSystemPrompt("more")
			.allowedTools(List.of("Bash", "Read"))
			.disallowedTools(List.of("WebFetch"))
			.includePartialMessages(false)
			.build();
		assertThat(ClaudeCliCommand.of(CLI, options, "s-1")).containsExactly("/opt/claude", "--output-format",
				"stream-json", "--verbose", "--input-format", "stream-json", "--model", "m", "--permission-mode", "plan",
				"--max-turns", "2", "--system-prompt", "sys", "--append-system-prompt", "more", "--allowedTools",
				"Bash,Read", "--disallowedTools", "WebFetch", "--resume", "s-1");
	}

	@Test
	void neverBypassesPermissionsByDefault() {
		assertThat(ClaudeCliCommand.of(CLI, ClaudeCodeOptions.empty(), null)).noneMatch(
				(argument) -> argument.contains("bypassPermissions") || argument.contains("dangerously"));
	}

}
