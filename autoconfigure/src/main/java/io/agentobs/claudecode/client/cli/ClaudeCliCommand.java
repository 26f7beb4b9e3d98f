package io.agentobs.claudecode.client.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.options.SessionOptions;

/**
 * The command line that starts the CLI in bidirectional stream-json mode for some options.
 * Every value is passed in the same argument as its flag ({@code --flag=value}), as the
 * official SDKs do: a value starting with {@code -} (a session id or prompt taken from a
 * request) can never become a flag of its own.
 */
final class ClaudeCliCommand {

	private ClaudeCliCommand() {
	}

	/**
	 * Builds the command line.
	 * @param executable the CLI executable
	 * @param options the effective options
	 * @return the executable followed by its arguments
	 */
	static List<String> of(Path executable, ClaudeCodeOptions options) {
		List<String> command = new ArrayList<>(List.of(executable.toString(), "--output-format=stream-json",
				"--verbose", "--input-format=stream-json"));
		value(command, "--model", options.getModel());
		value(command, "--permission-mode", options.getPermissionMode());
		value(command, "--max-turns", options.getMaxTurns());
		value(command, "--system-prompt", options.getSystemPrompt());
		value(command, "--append-system-prompt", options.getAppendSystemPrompt());
		list(command, "--allowedTools", options.getAllowedTools());
		list(command, "--disallowedTools", options.getDisallowedTools());
		if (!Boolean.FALSE.equals(options.getIncludePartialMessages())) {
			command.add("--include-partial-messages");
		}
		session(command, options.getSession());
		if (Boolean.FALSE.equals(options.getPersistSession())) {
			command.add("--no-session-persistence");
		}
		return List.copyOf(command);
	}

	private static void session(List<String> command, SessionOptions session) {
		if (session == null) {
			return;
		}
		if (session.isContinueLatest()) {
			command.add("--continue");
		}
		value(command, "--resume", session.getResume());
		if (session.isFork()) {
			command.add("--fork-session");
		}
		value(command, "--session-id", session.getSessionId());
		value(command, "--name", session.getName());
	}

	private static void value(List<String> command, String flag, Object value) {
		if (value != null) {
			command.add(flag + "=" + value);
		}
	}

	private static void list(List<String> command, String flag, List<String> values) {
		if (values != null && !values.isEmpty()) {
			command.add(flag + "=" + String.join(",", values));
		}
	}

}
