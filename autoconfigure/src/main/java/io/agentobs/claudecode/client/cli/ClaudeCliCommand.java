package io.agentobs.claudecode.client.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.options.SessionOptions;
import io.agentobs.claudecode.client.options.SystemPromptPreset;
import io.agentobs.claudecode.client.options.Thinking;

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
	 * @param mcpConfigFile the file with the options' MCP servers, {@code null} when there
	 * are none
	 * @return the executable followed by its arguments
	 */
	static List<String> of(Path executable, ClaudeCodeOptions options, Path mcpConfigFile) {
		List<String> command = new ArrayList<>(List.of(executable.toString(), "--output-format=stream-json",
				"--verbose", "--input-format=stream-json"));
		value(command, "--model", options.getModel());
		value(command, "--permission-mode", options.getPermissionMode());
		value(command, "--max-turns", options.getMaxTurns());
		thinking(command, options.getThinking());
		value(command, "--effort", options.getEffort());
		value(command, "--max-budget-usd",
				(options.getMaxBudgetUsd() != null) ? options.getMaxBudgetUsd().toPlainString() : null);
		if (options.getFallbackModel() != null && options.getFallbackModel().equals(options.getModel())) {
			throw new IllegalArgumentException(
					"The fallback model must differ from the model, but both are '" + options.getModel() + "'");
		}
		value(command, "--fallback-model", options.getFallbackModel());
		value(command, "--agent", options.getAgent());
		list(command, "--betas", options.getBetas());
		value(command, "--json-schema", options.getOutputSchema());
		if (options.getSystemPrompt() != null) {
			value(command, "--system-prompt", options.getSystemPrompt());
		}
		else if (options.getSystemPromptPreset() != SystemPromptPreset.CLAUDE_CODE) {
			command.add("--system-prompt=");
		}
		value(command, "--append-system-prompt", options.getAppendSystemPrompt());
		list(command, "--allowedTools", options.getAllowedTools());
		list(command, "--disallowedTools", options.getDisallowedTools());
		if (options.getTools() != null) {
			command.add("--tools=" + String.join(",", options.getTools()));
		}
		value(command, "--mcp-config", mcpConfigFile);
		if (options.getSettingSources() != null) {
			command.add("--setting-sources=" + String.join(",", options.getSettingSources()));
		}
		flag(command, "--strict-mcp-config", options.getStrictMcpConfig());
		flag(command, "--include-hook-events", options.getIncludeHookEvents());
		flag(command, "--forward-subagent-text", options.getForwardSubagentText());
		if (!Boolean.FALSE.equals(options.getIncludePartialMessages())) {
			command.add("--include-partial-messages");
		}
		if (options.getPermissionHandler() != null) {
			command.add("--permission-prompt-tool=stdio");
		}
		each(command, "--add-dir", options.getAdditionalDirectories());
		each(command, "--plugin-dir", options.getPlugins());
		if (options.getAgents() != null && !options.getAgents().isEmpty()) {
			command.add("--agents=" + CliOptionJson.agents(options.getAgents()));
		}
		if (options.getSettings() != null && !options.getSettings().isEmpty()) {
			command.add("--settings=" + CliOptionJson.settings(options.getSettings()));
		}
		session(command, options.getSession());
		if (Boolean.FALSE.equals(options.getPersistSession())) {
			command.add("--no-session-persistence");
		}
		if (options.getExtraArgs() != null) {
			options.getExtraArgs()
				.forEach((name, value) -> command.add("--" + name + ((value == null || value.isEmpty()) ? "" : "=" + value)));
		}
		return List.copyOf(command);
	}

	private static void thinking(List<String> command, Thinking thinking) {
		if (thinking == null) {
			return;
		}
		switch (thinking.type()) {
			case ENABLED -> command.add((thinking.budgetTokens() != null)
					? "--max-thinking-tokens=" + thinking.budgetTokens() : "--thinking=adaptive");
			case ADAPTIVE -> command.add("--thinking=adaptive");
			case DISABLED -> command.add("--thinking=disabled");
		}
		if (thinking.type() != Thinking.Type.DISABLED) {
			value(command, "--thinking-display", thinking.display());
		}
	}

	private static void flag(List<String> command, String flag, Boolean value) {
		if (Boolean.TRUE.equals(value)) {
			command.add(flag);
		}
	}

	private static void each(List<String> command, String flag, List<?> values) {
		if (values != null) {
			values.forEach((value) -> value(command, flag, value));
		}
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
