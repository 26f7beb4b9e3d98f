package io.agentobs.claudecode.run;

import io.agentobs.claudecode.observation.TokenUsage;

/**
 * A model response that ended with its final numbers ({@code message_delta}), for
 * {@link AgentRunEvents#modelResponseFinished}. Built with {@link #of} and the methods that
 * return a copy with one more value.
 *
 * @param parentToolUseId the agent: the id of the tool call that launched the subagent,
 * {@code null} for the top-level agent
 * @param messageId the response id, or {@code null} for the agent's current response
 * @param stopReason the final stop reason, may be {@code null}
 * @param usage the final usage, whose output tokens are the true count, may be {@code null}
 */
public record ModelResponseEnd(String parentToolUseId, String messageId, String stopReason, TokenUsage usage) {

	/**
	 * The end of a response of the top-level agent, without usage.
	 * @param messageId the response id, or {@code null} for the agent's current response
	 * @param stopReason the final stop reason, may be {@code null}
	 * @return the end
	 */
	public static ModelResponseEnd of(String messageId, String stopReason) {
		return new ModelResponseEnd(null, messageId, stopReason, null);
	}

	/**
	 * This end with the given final usage.
	 * @param usage the final usage, may be {@code null}
	 * @return a copy
	 */
	public ModelResponseEnd usage(TokenUsage usage) {
		return new ModelResponseEnd(this.parentToolUseId, this.messageId, this.stopReason, usage);
	}

	/**
	 * This end in the given agent.
	 * @param parentToolUseId the {@code parent_tool_use_id} of the subagent, {@code null}
	 * for the top-level agent
	 * @return a copy
	 */
	public ModelResponseEnd parentToolUseId(String parentToolUseId) {
		return new ModelResponseEnd(parentToolUseId, this.messageId, this.stopReason, this.usage);
	}

}
