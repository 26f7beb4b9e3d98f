package io.agentobs.claudecode.run;

/**
 * A subagent that started for an {@code Agent} tool call, for
 * {@link AgentRunEvents#subagentStarted}. Built with {@link #of} and the methods that return
 * a copy with one more value.
 *
 * @param parentToolUseId the id of the tool call that launched it
 * @param agentId the subagent id, may be {@code null}
 * @param subagentType the subagent type, used as its agent name, may be {@code null}
 * @param prompt the subagent's task, may be {@code null}
 */
public record SubagentStart(String parentToolUseId, String agentId, String subagentType, String prompt) {

	/**
	 * The subagent of a tool call, with nothing else known.
	 * @param parentToolUseId the id of the tool call that launched it
	 * @return the start
	 */
	public static SubagentStart of(String parentToolUseId) {
		return new SubagentStart(parentToolUseId, null, null, null);
	}

	/**
	 * This start with the subagent's id.
	 * @param agentId the subagent id, may be {@code null}
	 * @return a copy
	 */
	public SubagentStart agentId(String agentId) {
		return new SubagentStart(this.parentToolUseId, agentId, this.subagentType, this.prompt);
	}

	/**
	 * This start with the subagent's type.
	 * @param subagentType the subagent type, may be {@code null}
	 * @return a copy
	 */
	public SubagentStart subagentType(String subagentType) {
		return new SubagentStart(this.parentToolUseId, this.agentId, subagentType, this.prompt);
	}

	/**
	 * This start with the subagent's task.
	 * @param prompt the task, may be {@code null}
	 * @return a copy
	 */
	public SubagentStart prompt(String prompt) {
		return new SubagentStart(this.parentToolUseId, this.agentId, this.subagentType, prompt);
	}

}
