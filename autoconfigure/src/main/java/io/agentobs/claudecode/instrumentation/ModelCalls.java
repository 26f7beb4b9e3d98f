package io.agentobs.claudecode.instrumentation;

import java.util.List;
import java.util.Objects;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.TokenUsage;

/**
 * The model calls of a run, one {@code chat} observation per response ({@code message.id}) of
 * an agent. A call ends with its final numbers ({@code message_delta}), when the agent gets a
 * tool result, when its agent ends, or, without stream events, when it asks for a tool.
 */
final class ModelCalls {

	private final AgentObservationFactory observations;

	private final AgentInvocationObservationContext run;

	ModelCalls(AgentObservationFactory observations, AgentInvocationObservationContext run) {
		this.observations = observations;
		this.run = run;
	}

	/**
	 * A response began streaming ({@code message_start}).
	 */
	void responseStarted(AgentScope scope, String messageId, String model, TokenUsage usage) {
		OpenChat chat = chat(scope, messageId, model, usage);
		if (chat != null) {
			chat.streamed = true;
		}
	}

	/**
	 * A piece of a response: text, thinking or tool calls.
	 */
	void output(AgentScope scope, String messageId, String model, TokenUsage usage, List<ChatOutputPart> parts) {
		OpenChat chat = chat(scope, messageId, model, usage);
		if (chat == null) {
			return;
		}
		for (ChatOutputPart part : parts) {
			chat.context.addOutputPart(part);
		}
	}

	/**
	 * A response ended with its final numbers ({@code message_delta}).
	 */
	void responseFinished(AgentScope scope, String messageId, String stopReason, TokenUsage usage) {
		if (scope.chat == null || (messageId != null && !messageId.equals(scope.chat.context.getResponseId()))) {
			return;
		}
		ChatObservationContext context = scope.chat.context;
		if (stopReason != null) {
			context.setFinishReasons(List.of(stopReason));
		}
		context.setUsage(merge(context.getUsage(), usage));
		end(scope);
	}

	/**
	 * The agent asked for a tool. Without stream events the response is known to be complete
	 * once it asks for a tool: the chat must not cover the tool's execution. Further tool calls
	 * of the same response may follow until a tool result arrives.
	 */
	void toolRequested(AgentScope scope) {
		if (scope.chat != null && !scope.chat.streamed) {
			end(scope);
			scope.responseEndedAtToolUse = true;
		}
	}

	/**
	 * The agent got a tool result: its response is over.
	 */
	void toolResultReceived(AgentScope scope) {
		end(scope);
		scope.responseEndedAtToolUse = false;
	}

	/**
	 * Ends the agent's model call in progress, if any.
	 */
	void end(AgentScope scope) {
		OpenChat chat = scope.chat;
		if (chat != null) {
			scope.chat = null;
			scope.lastEndedMessageId = chat.context.getResponseId();
			Observations.stop(chat.observation);
		}
	}

	private OpenChat chat(AgentScope scope, String messageId, String model, TokenUsage usage) {
		if (scope.chat != null && Objects.equals(scope.chat.context.getResponseId(), messageId)) {
			return scope.chat;
		}
		boolean endedResponse = (messageId != null) ? messageId.equals(scope.lastEndedMessageId)
				: scope.responseEndedAtToolUse;
		if (endedResponse) {
			return null;
		}
		end(scope);
		// An SDK that drops the response's model gets its agent's model as the request model
		// and no response model.
		ChatObservationContext context = new ChatObservationContext(
				(model != null) ? model : scope.context.getRequestModel());
		context.setProviderName(this.run.getProviderName());
		context.setAgentName(scope.context.getAgentName());
		context.setConversationId(this.run.getConversationId());
		context.setResponseId(messageId);
		context.setResponseModel(model);
		context.setUsage(inputSide(usage));
		scope.chat = new OpenChat(context, this.observations.startChat(context, scope.observation));
		return scope.chat;
	}

	/** The usage snapshot of a response start: input side only, output is not known yet. */
	private static TokenUsage inputSide(TokenUsage usage) {
		if (usage == null) {
			return null;
		}
		return new TokenUsage(usage.inputTokens(), null, usage.cacheReadInputTokens(),
				usage.cacheCreationInputTokens());
	}

	private static TokenUsage merge(TokenUsage start, TokenUsage delta) {
		if (delta == null) {
			return start;
		}
		if (start == null) {
			return delta;
		}
		return new TokenUsage(firstNonNull(delta.inputTokens(), start.inputTokens()), delta.outputTokens(),
				firstNonNull(delta.cacheReadInputTokens(), start.cacheReadInputTokens()),
				firstNonNull(delta.cacheCreationInputTokens(), start.cacheCreationInputTokens()));
	}

	private static Long firstNonNull(Long first, Long second) {
		return (first != null) ? first : second;
	}

}
