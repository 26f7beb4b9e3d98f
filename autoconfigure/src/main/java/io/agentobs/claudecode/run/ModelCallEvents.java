package io.agentobs.claudecode.run;

import java.util.List;

import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.TokenUsage;

/**
 * The model-call events of one turn, routed to {@link ModelCalls} in the scope of the agent
 * that made the call. Serialized with the other events of the turn on its
 * {@link AgentRunRecorder}.
 */
public final class ModelCallEvents {

	private final AgentRunRecorder recorder;

	private final ModelCalls calls;

	ModelCallEvents(AgentRunRecorder recorder, ModelCalls calls) {
		this.recorder = recorder;
		this.calls = calls;
	}

	/**
	 * An agent sent a model request ({@code system/status} {@code requesting}): its model call
	 * starts now.
	 * @param parentToolUseId the scope
	 */
	public void modelRequested(String parentToolUseId) {
		synchronized (this.recorder) {
			AgentScope scope = this.recorder.scope(parentToolUseId, null, null);
			if (scope != null) {
				this.calls.requested(scope);
			}
		}
	}

	/**
	 * A model request failed and will be retried ({@code system/api_retry}).
	 * @param parentToolUseId the scope
	 * @param errorType the HTTP status, or the error name when there is none
	 * @param retryDelayMillis the back-off before the request is sent again, {@code 0} when
	 * not known
	 */
	public void modelRequestRetried(String parentToolUseId, String errorType, long retryDelayMillis) {
		synchronized (this.recorder) {
			AgentScope scope = this.recorder.scope(parentToolUseId, null, null);
			if (scope != null) {
				this.calls.retried(scope, (errorType != null) ? errorType : "error", retryDelayMillis);
			}
		}
	}

	/**
	 * The model request in progress failed for good (the CLI's synthetic API-error message).
	 * @param parentToolUseId the scope
	 * @param errorType the HTTP status, or the error name when there is none
	 */
	public void modelRequestFailed(String parentToolUseId, String errorType) {
		synchronized (this.recorder) {
			AgentScope scope = this.recorder.scope(parentToolUseId, null, null);
			if (scope != null) {
				this.calls.failed(scope, (errorType != null) ? errorType : "error");
			}
		}
	}

	/**
	 * A streamed model response stopped ({@code message_stop}); without its final numbers
	 * before, the stream was cut by an error.
	 * @param parentToolUseId the scope
	 * @param messageId the response id, may be {@code null}
	 */
	public void modelResponseStopped(String parentToolUseId, String messageId) {
		synchronized (this.recorder) {
			AgentScope scope = this.recorder.scope(parentToolUseId, null, null);
			if (scope != null) {
				this.calls.responseStopped(scope, messageId);
			}
		}
	}

	/**
	 * A model response began streaming ({@code message_start}).
	 * @param parentToolUseId the scope
	 * @param messageId the response id
	 * @param model the model
	 * @param usage the usage snapshot (input side)
	 */
	public void modelCallStarted(String parentToolUseId, String messageId, String model,
			TokenUsage usage) {
		synchronized (this.recorder) {
			AgentScope scope = this.recorder.scope(parentToolUseId, null, null);
			if (scope != null) {
				this.calls.responseStarted(scope, messageId, model, usage);
			}
		}
	}

	/**
	 * A piece of a model response: text, thinking or tool calls.
	 * @param parentToolUseId the scope
	 * @param agentId the subagent id, may be {@code null}
	 * @param messageId the response id, or {@code null} when the SDK drops it: pieces then belong
	 * to the open response until a tool result ends it
	 * @param model the model, or {@code null} when the SDK drops it
	 * @param usage the usage snapshot (input side)
	 * @param parts the output parts of this piece
	 */
	public void modelOutput(String parentToolUseId, String agentId, String messageId, String model,
			TokenUsage usage, List<ChatOutputPart> parts) {
		synchronized (this.recorder) {
			modelOutput(parentToolUseId, agentId, messageId, model, usage, parts, null);
		}
	}

	/**
	 * A piece of a model response, with the stop reason of a complete response.
	 * @param parentToolUseId the scope
	 * @param agentId the subagent id, may be {@code null}
	 * @param messageId the response id, may be {@code null}
	 * @param model the model, may be {@code null}
	 * @param usage the usage: the input side of a snapshot, or final when {@code stopReason} is set
	 * @param parts the output parts of this piece
	 * @param stopReason the stop reason of a response that is not streamed (a retry), else {@code null}
	 */
	public void modelOutput(String parentToolUseId, String agentId, String messageId, String model,
			TokenUsage usage, List<ChatOutputPart> parts, String stopReason) {
		synchronized (this.recorder) {
			AgentScope scope = this.recorder.scope(parentToolUseId, agentId, null);
			if (scope == null) {
				return;
			}
			if (agentId != null && !scope.isRoot() && scope.context.getAgentId() == null) {
				scope.context.setAgentId(agentId);
			}
			this.calls.output(scope, messageId, model, usage, parts, stopReason);
		}
	}

	/**
	 * A model response ended with its final numbers ({@code message_delta}).
	 * @param parentToolUseId the scope
	 * @param messageId the response id, or {@code null} for the current response of the scope
	 * @param stopReason the final stop reason
	 * @param usage the final usage; its output tokens are the true count
	 */
	public void modelCallFinished(String parentToolUseId, String messageId, String stopReason,
			TokenUsage usage) {
		synchronized (this.recorder) {
			AgentScope scope = this.recorder.scope(parentToolUseId, null, null);
			if (scope != null) {
				this.calls.responseFinished(scope, messageId, stopReason, usage);
			}
		}
	}

}
