package io.agentobs.claudecode.client.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeOptions;

/**
 * The command line that starts the CLI in bidirectional stream-json mode for some options.
 */
final class ClaudeCliCommand {

	private ClaudeCliCommand() {
	}

	/**
	 * Builds the command line.
	 * @param executable the CLI executable
	 * @param options the effective options
	 * @param resumeSessionId the session to resume, may be {@code null}
	 * @return the executable followed by its arguments
	 */
	static List<String> of(Path executable, ClaudeCodeOptions options, String resumeSessionId) {
		List<String> command = new ArrayList<>(List.of(executable.toString(), "--output-format", "stream-json",
				"--verbose", "--input-format", "stream-json"));
		add(command, "--model", options.getModel());
		add(command, "--permission-mode", options.getPermissionMode());
		add(command, "--max-turns", (options.getMaxTurns() != null) ? options.getMaxTurns().toString() : null);
		add(command, "--system-prompt", options.getSystemPrompt());
		add(command, "--append-system-prompt", options.getAppendSystemPrompt());
		addList(command, "--allowedTools", options.getAllowedTools());
		addList(command, "--disallowedTools", options.getDisallowedTools());
		if (!Boolean.FALSE.equals(options.getIncludePartialMessages())) {
			command.add("--include-partial-messages");
		}
		if (options.getPermissionHandler() != null) {
			command.add("--permission-prompt-tool=stdio");
		}
		add(command, "--resume", resumeSessionId);
		return List.copyOf(command);
	}

	private static void add(List<String> command, String option, String value) {
		if (value != null) {
			command.add(option);
			command.add(value);
		}
	}

	private static void addList(List<String> command, String option, List<String> values) {
		if (values != null && !values.isEmpty()) {
			command.add(option);
			command.add(String.join(",", values));
		}
	}

}
