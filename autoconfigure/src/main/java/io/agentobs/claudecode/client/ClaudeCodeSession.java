package io.agentobs.claudecode.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A conversation with one CLI process: every {@link #send(String) prompt} continues the
 * same session. One run at a time.
 */
public interface ClaudeCodeSession extends AutoCloseable {

	/**
	 * Sends the next prompt.
	 * @param prompt the prompt
	 * @return the run of this prompt, ending at its {@code result}
	 * @throws IllegalStateException when the previous run has not ended or the session is
	 * closed
	 */
	ClaudeCodeRun send(String prompt);

	/**
	 * The CLI's session id, known once the first run started, or from the start when it was
	 * chosen or resumed without forking ({@link io.agentobs.claudecode.client.options.SessionOptions}).
	 * @return the session id or {@code null}
	 */
	String sessionId();

	/**
	 * The CLI's answer to {@code initialize} (commands, agents, models, account), waiting
	 * for it when it is due. The client sends {@code initialize} when hooks or in-process
	 * MCP servers must be registered.
	 * @return the answer, {@code null} when none was sent
	 * @throws ClaudeCodeControlException when the CLI refused it or did not answer in time
	 */
	default JsonNode initializeResponse() {
		return null;
	}

	/**
	 * Changes the model of the next model requests ({@code set_model}).
	 * @param model the model, {@code null} for the CLI's default
	 * @throws ClaudeCodeControlException when the CLI refused it or did not answer in time
	 */
	default void setModel(String model) {
		throw new UnsupportedOperationException("This Claude Code session cannot change its model");
	}

	/**
	 * Changes the permission mode ({@code set_permission_mode}), e.g. {@code acceptEdits}.
	 * @param permissionMode the mode
	 * @throws ClaudeCodeControlException when the CLI refused it or did not answer in time
	 */
	default void setPermissionMode(String permissionMode) {
		throw new UnsupportedOperationException("This Claude Code session cannot change its permission mode");
	}

	/**
	 * The status of the session's MCP servers ({@code mcp_status}): an array of
	 * {@code {name, status, ...}}.
	 * @return the servers' status
	 * @throws ClaudeCodeControlException when the CLI refused it or did not answer in time
	 */
	default JsonNode mcpServerStatus() {
		throw new UnsupportedOperationException("This Claude Code session cannot report its MCP servers");
	}

	/**
	 * How the session's context window is used ({@code get_context_usage}): tokens by
	 * category, total and maximum.
	 * @return the usage as the CLI reports it
	 * @throws ClaudeCodeControlException when the CLI refused it or did not answer in time
	 */
	default JsonNode contextUsage() {
		throw new UnsupportedOperationException("This Claude Code session cannot report its context usage");
	}

	/**
	 * Stops a background task ({@code stop_task}).
	 * @param taskId the task, as {@code system/task_started} named it
	 * @throws ClaudeCodeControlException when the CLI refused it or did not answer in time
	 */
	default void stopTask(String taskId) {
		throw new UnsupportedOperationException("This Claude Code session cannot stop tasks");
	}

	/**
	 * Ends the CLI process and its children.
	 */
	@Override
	void close();

}
