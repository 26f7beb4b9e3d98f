package io.agentobs.claudecode.observation;

import io.agentobs.claudecode.observation.ChatObservationDocumentation.HighCardinalityKeyNames;
import io.agentobs.claudecode.observation.ChatObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Default {@link ChatObservationConvention}. Missing low cardinality values are
 * {@link KeyValue#NONE_VALUE}; high cardinality values are added only when present.
 */
public class DefaultChatObservationConvention implements ChatObservationConvention {

	/**
	 * The default observation name, {@code gen_ai.chat}.
	 */
	public static final String DEFAULT_NAME = "gen_ai." + GenAiOperationName.CHAT.value();

	private static final KeyValue OPERATION_NAME = KeyValue.of(LowCardinalityKeyNames.OPERATION_NAME,
			GenAiOperationName.CHAT.value());

	private final String name;

	public DefaultChatObservationConvention() {
		this(DEFAULT_NAME);
	}

	public DefaultChatObservationConvention(String name) {
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(ChatObservationContext context) {
		String operation = GenAiOperationName.CHAT.value();
		return ConventionSupport.hasText(context.getRequestModel()) ? operation + " " + context.getRequestModel()
				: operation;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ChatObservationContext context) {
		return KeyValues.of(operationName(context), providerName(context), requestModel(context), agentName(context),
				errorType(context));
	}

	protected KeyValue operationName(ChatObservationContext context) {
		return OPERATION_NAME;
	}

	protected KeyValue providerName(ChatObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.PROVIDER_NAME,
				ConventionSupport.valueOrNone(context.getProviderName()));
	}

	protected KeyValue requestModel(ChatObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.REQUEST_MODEL,
				ConventionSupport.valueOrNone(context.getRequestModel()));
	}

	protected KeyValue agentName(ChatObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.AGENT_NAME, ConventionSupport.valueOrNone(context.getAgentName()));
	}

	protected KeyValue errorType(ChatObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE,
				ConventionSupport.errorType(context.getErrorType(), context.getError()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ChatObservationContext context) {
		KeyValues keyValues = KeyValues.empty();
		keyValues = conversationId(keyValues, context);
		keyValues = responseId(keyValues, context);
		keyValues = responseModel(keyValues, context);
		keyValues = responseFinishReasons(keyValues, context);
		keyValues = responseTimeToFirstChunk(keyValues, context);
		keyValues = responseStreaming(keyValues, context);
		keyValues = usageInputTokens(keyValues, context);
		keyValues = usageOutputTokens(keyValues, context);
		keyValues = usageCacheReadInputTokens(keyValues, context);
		keyValues = usageCacheCreationInputTokens(keyValues, context);
		keyValues = outputType(keyValues, context);
		keyValues = requestStream(keyValues, context);
		keyValues = conversationCompacted(keyValues, context);
		keyValues = usageTotalTokens(keyValues, context);
		return keyValues;
	}

	protected KeyValues conversationId(KeyValues keyValues, ChatObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.CONVERSATION_ID, context.getConversationId());
	}

	protected KeyValues responseId(KeyValues keyValues, ChatObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.RESPONSE_ID, context.getResponseId());
	}

	protected KeyValues responseModel(KeyValues keyValues, ChatObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.RESPONSE_MODEL, context.getResponseModel());
	}

	protected KeyValues responseFinishReasons(KeyValues keyValues, ChatObservationContext context) {
		if (context.getFinishReasons().isEmpty()) {
			return keyValues;
		}
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.RESPONSE_FINISH_REASONS,
				ConventionSupport.jsonArray(context.getFinishReasons()));
	}

	protected KeyValues responseTimeToFirstChunk(KeyValues keyValues, ChatObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.RESPONSE_TIME_TO_FIRST_CHUNK,
				context.getTimeToFirstChunk());
	}

	protected KeyValues usageInputTokens(KeyValues keyValues, ChatObservationContext context) {
		TokenUsage usage = context.getUsage();
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.USAGE_INPUT_TOKENS,
				(usage != null) ? usage.inputTokens() : null);
	}

	protected KeyValues usageOutputTokens(KeyValues keyValues, ChatObservationContext context) {
		TokenUsage usage = context.getUsage();
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.USAGE_OUTPUT_TOKENS,
				(usage != null) ? usage.outputTokens() : null);
	}

	protected KeyValues usageCacheReadInputTokens(KeyValues keyValues, ChatObservationContext context) {
		TokenUsage usage = context.getUsage();
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.USAGE_CACHE_READ_INPUT_TOKENS,
				(usage != null) ? usage.cacheReadInputTokens() : null);
	}

	protected KeyValues usageCacheCreationInputTokens(KeyValues keyValues, ChatObservationContext context) {
		TokenUsage usage = context.getUsage();
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.USAGE_CACHE_CREATION_INPUT_TOKENS,
				(usage != null) ? usage.cacheCreationInputTokens() : null);
	}

	protected KeyValues outputType(KeyValues keyValues, ChatObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.OUTPUT_TYPE, context.getOutputType());
	}

	protected KeyValues requestStream(KeyValues keyValues, ChatObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.REQUEST_STREAM, context.getRequestStream());
	}

	protected KeyValues conversationCompacted(KeyValues keyValues, ChatObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.CONVERSATION_COMPACTED,
				context.isConversationCompacted() ? Boolean.TRUE : null);
	}

	protected KeyValues responseStreaming(KeyValues keyValues, ChatObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.RESPONSE_STREAMING,
				context.getResponseStreaming());
	}

	protected KeyValues usageTotalTokens(KeyValues keyValues, ChatObservationContext context) {
		TokenUsage usage = context.getUsage();
		boolean complete = usage != null && usage.inputTokens() != null && usage.outputTokens() != null;
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.USAGE_TOTAL_TOKENS,
				complete ? usage.inputTokens() + usage.outputTokens() : null);
	}

}
