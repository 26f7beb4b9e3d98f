package io.agentobs.claudecode.run;

/**
 * A tool call the model asked for, for {@link AgentRunEvents#toolCallStarted}. Built with
 * {@link #of} and the methods that return a copy with one more value.
 *
 * @param parentToolUseId the calling agent: the id of the tool call that launched the
 * subagent, {@code null} for the top-level agent
 * @param toolUseId the tool call id
 * @param toolName the tool name, may be {@code null}
 * @param arguments the arguments as JSON text, may be {@code null}
 * @param subagentType the subagent type when the call launches a subagent, else {@code null}
 */
public record ToolCallStart(String parentToolUseId, String toolUseId, String toolName, String arguments,
		String subagentType) {

	/**
	 * A call of the top-level agent, without arguments.
	 * @param toolUseId the tool call id
	 * @param toolName the tool name, may be {@code null}
	 * @return the call
	 */
	public static ToolCallStart of(String toolUseId, String toolName) {
		return new ToolCallStart(null, toolUseId, toolName, null, null);
	}

	/**
	 * This call with the given arguments.
	 * @param arguments the arguments as JSON text, may be {@code null}
	 * @return a copy
	 */
	public ToolCallStart arguments(String arguments) {
		return new ToolCallStart(this.parentToolUseId, this.toolUseId, this.toolName, arguments, this.subagentType);
	}

	/**
	 * This call as the launch of a subagent of the given type.
	 * @param subagentType the subagent type the call asks for, may be {@code null}
	 * @return a copy
	 */
	public ToolCallStart subagentType(String subagentType) {
		return new ToolCallStart(this.parentToolUseId, this.toolUseId, this.toolName, this.arguments, subagentType);
	}

	/**
	 * This call made by the given agent.
	 * @param parentToolUseId the {@code parent_tool_use_id} of the subagent, {@code null}
	 * for the top-level agent
	 * @return a copy
	 */
	public ToolCallStart parentToolUseId(String parentToolUseId) {
		return new ToolCallStart(parentToolUseId, this.toolUseId, this.toolName, this.arguments, this.subagentType);
	}

}
