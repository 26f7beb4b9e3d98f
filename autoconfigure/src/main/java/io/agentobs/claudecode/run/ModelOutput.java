package io.agentobs.claudecode.run;

import java.util.List;

import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.TokenUsage;

/**
 * A piece of a model response (text, thinking or tool calls), for
 * {@link AgentRunEvents#modelOutput}. Built with {@link #of} and the methods that return a
 * copy with one more value; what an SDK drops stays {@code null}.
 *
 * @param parentToolUseId the agent: the id of the tool call that launched the subagent,
 * {@code null} for the top-level agent
 * @param agentId the subagent id, may be {@code null}
 * @param messageId the response id, or {@code null} when the SDK drops it: pieces then belong
 * to the open response until a tool result ends it
 * @param model the model, or {@code null} when the SDK drops it
 * @param usage the usage: the input side of a snapshot, or final when {@code stopReason} is
 * set; may be {@code null}
 * @param parts the output parts of this piece
 * @param stopReason the stop reason of a response that is not streamed (a retry), else
 * {@code null}
 */
public record ModelOutput(String parentToolUseId, String agentId, String messageId, String model, TokenUsage usage,
		List<ChatOutputPart> parts, String stopReason) {

	/**
	 * A piece of a response of the top-level agent, with nothing else known.
	 * @param parts the output parts
	 * @return the output
	 */
	public static ModelOutput of(List<ChatOutputPart> parts) {
		return new ModelOutput(null, null, null, null, null, parts, null);
	}

	/**
	 * This output in the given agent.
	 * @param parentToolUseId the {@code parent_tool_use_id} of the subagent, {@code null}
	 * for the top-level agent
	 * @return a copy
	 */
	public ModelOutput parentToolUseId(String parentToolUseId) {
		return new ModelOutput(parentToolUseId, this.agentId, this.messageId, this.model, this.usage, this.parts,
				this.stopReason);
	}

	/**
	 * This output of the given subagent.
	 * @param agentId the subagent id, may be {@code null}
	 * @return a copy
	 */
	public ModelOutput agentId(String agentId) {
		return new ModelOutput(this.parentToolUseId, agentId, this.messageId, this.model, this.usage, this.parts,
				this.stopReason);
	}

	/**
	 * This output of the given response.
	 * @param messageId the response id, may be {@code null}
	 * @return a copy
	 */
	public ModelOutput messageId(String messageId) {
		return new ModelOutput(this.parentToolUseId, this.agentId, messageId, this.model, this.usage, this.parts,
				this.stopReason);
	}

	/**
	 * This output by the given model.
	 * @param model the model, may be {@code null}
	 * @return a copy
	 */
	public ModelOutput model(String model) {
		return new ModelOutput(this.parentToolUseId, this.agentId, this.messageId, model, this.usage, this.parts,
				this.stopReason);
	}

	/**
	 * This output with the given usage.
	 * @param usage the usage, may be {@code null}
	 * @return a copy
	 */
	public ModelOutput usage(TokenUsage usage) {
		return new ModelOutput(this.parentToolUseId, this.agentId, this.messageId, this.model, usage, this.parts,
				this.stopReason);
	}

	/**
	 * This output as a complete response that ended for the given reason.
	 * @param stopReason the stop reason, may be {@code null}
	 * @return a copy
	 */
	public ModelOutput stopReason(String stopReason) {
		return new ModelOutput(this.parentToolUseId, this.agentId, this.messageId, this.model, this.usage, this.parts,
				stopReason);
	}

}
