package io.agentobs.claudecode.run;

/**
 * The result of a tool call, for {@link AgentRunEvents#toolCallFinished}.
 *
 * @param parentToolUseId the agent the result went back to: the id of the tool call that
 * launched the subagent, {@code null} for the top-level agent
 * @param toolUseId the tool call id
 * @param isError whether the tool failed
 * @param result the result text, may be {@code null}
 */
public record ToolCallEnd(String parentToolUseId, String toolUseId, boolean isError, String result) {

	/**
	 * The result of a call of the top-level agent.
	 * @param toolUseId the tool call id
	 * @param isError whether the tool failed
	 * @param result the result text, may be {@code null}
	 * @return the end of the call
	 */
	public static ToolCallEnd of(String toolUseId, boolean isError, String result) {
		return new ToolCallEnd(null, toolUseId, isError, result);
	}

	/**
	 * This result going back to the given agent.
	 * @param parentToolUseId the {@code parent_tool_use_id} of the subagent, {@code null}
	 * for the top-level agent
	 * @return a copy
	 */
	public ToolCallEnd parentToolUseId(String parentToolUseId) {
		return new ToolCallEnd(parentToolUseId, this.toolUseId, this.isError, this.result);
	}

}
