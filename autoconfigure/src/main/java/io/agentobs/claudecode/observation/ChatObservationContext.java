package io.agentobs.claudecode.observation;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.common.lang.Nullable;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * Context of a {@code chat} observation: one model call, that is one assistant
 * {@code message.id}. A {@link SenderContext} of kind {@link Kind#CLIENT} so that tracing
 * makes it a client span; the call is made by the agent process, so there is no carrier
 * to propagate into.
 */
public class ChatObservationContext extends SenderContext<Object> {

	@Nullable
	private final String requestModel;

	private String providerName = GenAiProviderName.ANTHROPIC.value();

	@Nullable
	private String agentName;

	@Nullable
	private String conversationId;

	@Nullable
	private String responseId;

	@Nullable
	private String responseModel;

	private List<String> finishReasons = List.of();

	@Nullable
	private TokenUsage usage;

	private Double timeToFirstChunk;

	private final List<ChatOutputPart> outputParts = new ArrayList<>();

	@Nullable
	private String errorType;

	/**
	 * Create a context for a call to the given model.
	 * @param requestModel the requested model ({@code gen_ai.request.model}), may be
	 * {@code null} when unknown
	 */
	public ChatObservationContext(@Nullable String requestModel) {
		super((carrier, key, value) -> {
		}, Kind.CLIENT);
		this.requestModel = requestModel;
	}

	@Nullable
	public String getRequestModel() {
		return this.requestModel;
	}

	public String getProviderName() {
		return this.providerName;
	}

	public void setProviderName(String providerName) {
		this.providerName = providerName;
	}

	@Nullable
	public String getAgentName() {
		return this.agentName;
	}

	public void setAgentName(@Nullable String agentName) {
		this.agentName = agentName;
	}

	@Nullable
	public String getConversationId() {
		return this.conversationId;
	}

	public void setConversationId(@Nullable String conversationId) {
		this.conversationId = conversationId;
	}

	@Nullable
	public String getResponseId() {
		return this.responseId;
	}

	public void setResponseId(@Nullable String responseId) {
		this.responseId = responseId;
	}

	@Nullable
	public String getResponseModel() {
		return this.responseModel;
	}

	public void setResponseModel(@Nullable String responseModel) {
		this.responseModel = responseModel;
	}

	public List<String> getFinishReasons() {
		return this.finishReasons;
	}

	public void setFinishReasons(@Nullable List<String> finishReasons) {
		this.finishReasons = (finishReasons != null) ? List.copyOf(finishReasons) : List.of();
	}

	@Nullable
	public TokenUsage getUsage() {
		return this.usage;
	}

	public void setUsage(@Nullable TokenUsage usage) {
		this.usage = usage;
	}

	/**
	 * Return the parts of the assistant message, in order. The list is mutable.
	 * @return the output parts
	 */
	public List<ChatOutputPart> getOutputParts() {
		return this.outputParts;
	}

	public void setOutputParts(@Nullable List<ChatOutputPart> outputParts) {
		this.outputParts.clear();
		if (outputParts != null) {
			this.outputParts.addAll(outputParts);
		}
	}

	/**
	 * Append a part to the assistant message.
	 * @param outputPart the text or tool call to add
	 */
	public void addOutputPart(ChatOutputPart outputPart) {
		this.outputParts.add(outputPart);
	}

	@Nullable
	/**
	 * Seconds from the request to the first stream event of the response.
	 * @return the time, or {@code null} when unknown (no request signal or no stream events)
	 */
	public Double getTimeToFirstChunk() {
		return this.timeToFirstChunk;
	}

	public void setTimeToFirstChunk(@Nullable Double timeToFirstChunk) {
		this.timeToFirstChunk = timeToFirstChunk;
	}

	public String getErrorType() {
		return this.errorType;
	}

	public void setErrorType(@Nullable String errorType) {
		this.errorType = errorType;
	}
	@Nullable
	private String outputType;

	@Nullable
	private Boolean requestStream;

	private boolean conversationCompacted;

	/**
	 * Return {@code json} when the call belongs to a run that returns structured output.
	 * @return the output type, or {@code null} for text
	 */
	@Nullable
	public String getOutputType() {
		return this.outputType;
	}

	public void setOutputType(@Nullable String outputType) {
		this.outputType = outputType;
	}

	/**
	 * Return whether the request asked for a streamed response.
	 * @return {@code true} for streamed requests, {@code false} for the CLI's non-streamed
	 * retries, {@code null} when unknown
	 */
	@Nullable
	public Boolean getRequestStream() {
		return this.requestStream;
	}

	public void setRequestStream(@Nullable Boolean requestStream) {
		this.requestStream = requestStream;
	}

	/**
	 * Return whether the call was made after the CLI compacted the conversation.
	 * @return {@code true} after a {@code system/compact_boundary}
	 */
	public boolean isConversationCompacted() {
		return this.conversationCompacted;
	}

	public void setConversationCompacted(boolean conversationCompacted) {
		this.conversationCompacted = conversationCompacted;
	}

	// Streaming (Sentry's gen_ai.response.streaming)

	@Nullable
	private Boolean responseStreaming;

	/**
	 * Whether the response was streamed.
	 * @return {@code true} when stream events came, {@code false} for a response that came
	 * complete, {@code null} when unknown (no stream events forwarded)
	 */
	@Nullable
	public Boolean getResponseStreaming() {
		return this.responseStreaming;
	}

	public void setResponseStreaming(@Nullable Boolean responseStreaming) {
		this.responseStreaming = responseStreaming;
	}

}
