package io.agentobs.claudecode.run;

import io.agentobs.claudecode.observation.TokenUsage;

/**
 * A model response that began streaming ({@code message_start}), for
 * {@link AgentRunEvents#modelResponseStarted}. Built with {@link #of} and the methods that
 * return a copy with one more value.
 *
 * @param parentToolUseId the agent: the id of the tool call that launched the subagent,
 * {@code null} for the top-level agent
 * @param messageId the response id
 * @param model the model, may be {@code null}
 * @param usage the usage snapshot (input side), may be {@code null}
 */
public record ModelResponseStart(String parentToolUseId, String messageId, String model, TokenUsage usage) {

	/**
	 * The start of a response of the top-level agent, without usage.
	 * @param messageId the response id
	 * @param model the model, may be {@code null}
	 * @return the start
	 */
	public static ModelResponseStart of(String messageId, String model) {
		return new ModelResponseStart(null, messageId, model, null);
	}

	/**
	 * This start with the given usage snapshot.
	 * @param usage the usage (input side), may be {@code null}
	 * @return a copy
	 */
	public ModelResponseStart usage(TokenUsage usage) {
		return new ModelResponseStart(this.parentToolUseId, this.messageId, this.model, usage);
	}

	/**
	 * This start in the given agent.
	 * @param parentToolUseId the {@code parent_tool_use_id} of the subagent, {@code null}
	 * for the top-level agent
	 * @return a copy
	 */
	public ModelResponseStart parentToolUseId(String parentToolUseId) {
		return new ModelResponseStart(parentToolUseId, this.messageId, this.model, this.usage);
	}

}
