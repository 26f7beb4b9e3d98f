package io.agentobs.claudecode.run;

import java.util.List;
import java.util.Objects;

import io.agentobs.claudecode.micrometer.AgentObservationFactory;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.micrometer.Observations;
import io.agentobs.claudecode.observation.AgentErrorType;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.ModelCallFailedException;
import io.agentobs.claudecode.observation.TokenUsage;

/**
 * The model calls of a run, one {@code chat} observation per request of an agent. A call
 * starts when the agent sends the request ({@code system/status requesting}), or, where the
 * CLI gives no such signal (subagents, SDKs that drop it), at the response's first event. It
 * takes the response's id ({@code message.id}) and ends with its final numbers
 * ({@code message_delta}), when the agent gets a tool result, when its agent ends, or,
 * without stream events, when it asks for a tool. A request that fails (an HTTP error the
 * CLI retries, a stream cut by an error) ends with an error, and its retry is a new call,
 * which starts when the CLI sends it: after the {@code api_retry}'s back-off
 * ({@link RetryStartScheduler}).
 */
final class ModelCalls {

	/** How long after a cut stream an {@code api_retry} for it is waited for. */
	private static final long CUT_STREAM_GRACE_MILLIS = 50;

	private final AgentObservationFactory observations;

	private final AgentInvocationObservationContext run;

	/** The lock of the turn's events, taken by a retried call's delayed start. */
	private final Object turn;

	ModelCalls(AgentObservationFactory observations, AgentInvocationObservationContext run, Object turn) {
		this.observations = observations;
		this.run = run;
		this.turn = turn;
	}

	/**
	 * The agent sent a model request ({@code system/status requesting}): its call starts now,
	 * and takes the id of the response that follows.
	 */
	void requested(AgentNode agent) {
		end(agent);
		open(agent, null, null, null).awaitingResponse = true;
	}

	/**
	 * The request in progress failed and the agent retries it ({@code system/api_retry}): the
	 * call ends with the error; the retry is a new call that starts when the CLI sends it,
	 * after its back-off, or with the first sign of it that comes earlier.
	 * @param errorType the HTTP status, or the error name when there is none
	 * @param retryDelayMillis the CLI's back-off before it sends the request again
	 */
	void retried(AgentNode agent, String errorType, long retryDelayMillis) {
		OpenChat chat = agent.chat;
		if (chat == null && agent.pendingRetryFollowsCut) {
			// A connection that ended mid-stream: the api_retry reports the attempt whose cut
			// stream already failed its call, and gives the retry's back-off
			requestAfter(agent, retryDelayMillis);
			return;
		}
		if (chat != null && chat.awaitingResponse && chat.retriesCutStream) {
			// The same, when the retry's call had started before this line came
			chat.retriesCutStream = false;
			return;
		}
		if (chat == null) {
			// The attempt that failed: a retry sent before its back-off was over here (failing
			// it ends its pending start), or a call whose request was not seen
			open(agent, null, null, null);
		}
		fail(agent, errorType);
		requestAfter(agent, retryDelayMillis);
	}

	private void requestAfter(AgentNode agent, long delayMillis) {
		if (delayMillis <= 0) {
			requested(agent);
		}
		else {
			RetryStartScheduler.schedule(agent, delayMillis, this.turn, () -> requested(agent));
		}
	}

	/**
	 * The request in progress failed and is not retried: a call still waiting for its
	 * response ends with the error.
	 * @param errorType the HTTP status, or the error name when there is none
	 */
	void failed(AgentNode agent, String errorType) {
		if (agent.chat == null && agent.pendingRetry != null) {
			// The retry failed before its back-off was over here
			requested(agent);
		}
		if (agent.chat != null && agent.chat.awaitingResponse) {
			fail(agent, errorType);
		}
	}

	/**
	 * A streamed response stopped ({@code message_stop}). Without its final numbers the
	 * stream was cut (by an SSE error event, or the connection ended): the call fails, and the
	 * CLI's retry starts a moment later, unless an {@code api_retry} that reports the dropped
	 * connection comes first and gives the back-off.
	 */
	void responseStopped(AgentNode agent, String messageId) {
		OpenChat chat = agent.chat;
		if (chat == null || !chat.streamed || (messageId != null && !messageId.equals(chat.context.getResponseId()))) {
			return;
		}
		fail(agent, AgentErrorType.STREAM_ERROR.value());
		// After an error event the CLI writes no back-off; after a dropped connection it writes
		// an api_retry with one right after the cut: the start waits a moment for that line
		RetryStartScheduler.schedule(agent, CUT_STREAM_GRACE_MILLIS, this.turn, () -> {
			requested(agent);
			agent.chat.retriesCutStream = true;
		});
		agent.pendingRetryFollowsCut = true;
	}

	/**
	 * A response began streaming ({@code message_start}).
	 */
	void responseStarted(AgentNode agent, String messageId, String model, TokenUsage usage) {
		OpenChat requested = (agent.chat != null && agent.chat.awaitingResponse) ? agent.chat : null;
		OpenChat chat = chat(agent, messageId, model, usage);
		if (chat != null) {
			chat.streamed = true;
			chat.context.setResponseStreaming(true);
			if (chat == requested) {
				chat.context.setTimeToFirstChunk((System.nanoTime() - chat.startNanos) / 1e9);
			}
		}
	}

	/**
	 * A piece of a response: text, thinking or tool calls. A piece with a stop reason comes
	 * from a complete (not streamed) response, whose usage is final.
	 */
	void output(AgentNode agent, String messageId, String model, TokenUsage usage, List<ChatOutputPart> parts,
			String stopReason) {
		OpenChat chat = chat(agent, messageId, model, usage);
		if (chat == null) {
			return;
		}
		for (ChatOutputPart part : parts) {
			chat.context.addOutputPart(part);
		}
		if (stopReason != null && !chat.streamed) {
			// A complete response with its stop reason: the CLI's non-streamed retry
			chat.context.setRequestStream(Boolean.FALSE);
			chat.context.setResponseStreaming(false);
			chat.context.setFinishReasons(List.of(stopReason));
			if (usage != null) {
				chat.context.setUsage(usage);
			}
		}
	}

	/**
	 * A response ended with its final numbers ({@code message_delta}).
	 */
	void responseFinished(AgentNode agent, String messageId, String stopReason, TokenUsage usage) {
		if (agent.chat == null || (messageId != null && !messageId.equals(agent.chat.context.getResponseId()))) {
			return;
		}
		ChatObservationContext context = agent.chat.context;
		if (stopReason != null) {
			context.setFinishReasons(List.of(stopReason));
		}
		context.setUsage(merge(context.getUsage(), usage));
		end(agent);
	}

	/**
	 * The agent asked for a tool. Without stream events the response is known to be complete
	 * once it asks for a tool: the chat must not cover the tool's execution. Further tool calls
	 * of the same response may follow until a tool result arrives.
	 */
	void toolRequested(AgentNode agent) {
		if (agent.chat != null && !agent.chat.streamed) {
			end(agent);
			agent.responseEndedAtToolUse = true;
		}
	}

	/**
	 * The agent got a tool result: its response is over.
	 */
	void toolResultReceived(AgentNode agent) {
		end(agent);
		agent.responseEndedAtToolUse = false;
	}

	/**
	 * The run turned out to return structured output: the agent's call in progress is one of
	 * its calls too.
	 */
	void structuredOutput(AgentNode agent) {
		if (agent.chat != null) {
			agent.chat.context.setOutputType(this.run.getOutputType());
		}
	}

	/**
	 * Ends the agent's model call in progress, if any.
	 */
	void end(AgentNode agent) {
		RetryStartScheduler.cancel(agent);
		OpenChat chat = agent.chat;
		if (chat != null) {
			agent.chat = null;
			agent.lastEndedMessageId = chat.context.getResponseId();
			if (chat.context.getUsage() != null) {
				agent.lastChatUsage = chat.context.getUsage();
			}
			if (chat.context.getResponseModel() != null) {
				agent.lastChatModel = chat.context.getResponseModel();
			}
			Observations.stop(chat.observation);
		}
	}

	private void fail(AgentNode agent, String errorType) {
		OpenChat chat = agent.chat;
		chat.context.setErrorType(errorType);
		InstrumentationFailures.run("recording a failed model call",
				() -> chat.observation.error(new ModelCallFailedException(errorType)));
		end(agent);
	}

	private OpenChat chat(AgentNode agent, String messageId, String model, TokenUsage usage) {
		OpenChat chat = agent.chat;
		if (chat != null && chat.awaitingResponse) {
			chat.awaitingResponse = false;
			chat.context.setResponseId(messageId);
			chat.context.setResponseModel(model);
			chat.context.setUsage(inputSide(usage));
			return chat;
		}
		if (chat != null && Objects.equals(chat.context.getResponseId(), messageId)) {
			return chat;
		}
		boolean endedResponse = (messageId != null) ? messageId.equals(agent.lastEndedMessageId)
				: agent.responseEndedAtToolUse;
		if (endedResponse) {
			return null;
		}
		end(agent);
		return open(agent, messageId, model, usage);
	}

	private OpenChat open(AgentNode agent, String messageId, String model, TokenUsage usage) {
		// An SDK that drops the response's model gets its agent's model as the request model
		// and no response model; so does a call that starts before its response.
		ChatObservationContext context = new ChatObservationContext(
				(model != null) ? model : agent.context.getRequestModel());
		context.setProviderName(this.run.getProviderName());
		context.setAgentName(agent.context.getAgentName());
		context.setConversationId(this.run.getConversationId());
		context.setResponseId(messageId);
		context.setResponseModel(model);
		context.setUsage(inputSide(usage));
		// The CLI streams its requests, but for the retry of a cut stream (see output)
		context.setRequestStream(Boolean.TRUE);
		if (agent.isRoot()) {
			context.setOutputType(this.run.getOutputType());
			context.setConversationCompacted(this.run.isConversationCompacted());
		}
		long startNanos = System.nanoTime();
		agent.chat = new OpenChat(context, this.observations.startChat(context, agent.observation), startNanos);
		return agent.chat;
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
