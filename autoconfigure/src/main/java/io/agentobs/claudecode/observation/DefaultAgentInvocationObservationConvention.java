package io.agentobs.claudecode.observation;

import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation.HighCardinalityKeyNames;
import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Default {@link AgentInvocationObservationConvention}. Missing low cardinality values are
 * {@link KeyValue#NONE_VALUE}; high cardinality values are added only when present.
 */
public class DefaultAgentInvocationObservationConvention implements AgentInvocationObservationConvention {

	/**
	 * The default observation name, {@code gen_ai.invoke_agent}.
	 */
	public static final String DEFAULT_NAME = "gen_ai." + GenAiOperationName.INVOKE_AGENT.value();

	private static final KeyValue OPERATION_NAME = KeyValue.of(LowCardinalityKeyNames.OPERATION_NAME,
			GenAiOperationName.INVOKE_AGENT.value());

	private final String name;

	public DefaultAgentInvocationObservationConvention() {
		this(DEFAULT_NAME);
	}

	public DefaultAgentInvocationObservationConvention(String name) {
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(AgentInvocationObservationContext context) {
		String operation = GenAiOperationName.INVOKE_AGENT.value();
		return ConventionSupport.hasText(context.getAgentName()) ? operation + " " + context.getAgentName()
				: operation;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(AgentInvocationObservationContext context) {
		return KeyValues.of(operationName(context), providerName(context), requestModel(context), agentName(context),
				errorType(context));
	}

	protected KeyValue operationName(AgentInvocationObservationContext context) {
		return OPERATION_NAME;
	}

	protected KeyValue providerName(AgentInvocationObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.PROVIDER_NAME,
				ConventionSupport.valueOrNone(context.getProviderName()));
	}

	protected KeyValue requestModel(AgentInvocationObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.REQUEST_MODEL,
				ConventionSupport.valueOrNone(context.getRequestModel()));
	}

	protected KeyValue agentName(AgentInvocationObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.AGENT_NAME, ConventionSupport.valueOrNone(context.getAgentName()));
	}

	protected KeyValue errorType(AgentInvocationObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE,
				ConventionSupport.errorType(context.getErrorType(), context.getError()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(AgentInvocationObservationContext context) {
		KeyValues keyValues = KeyValues.empty();
		keyValues = conversationId(keyValues, context);
		keyValues = agentId(keyValues, context);
		keyValues = toolDefinitions(keyValues, context);
		keyValues = costTotalTokens(keyValues, context);
		keyValues = costInputTokens(keyValues, context);
		keyValues = costOutputTokens(keyValues, context);
		keyValues = contextWindowSize(keyValues, context);
		keyValues = contextUtilization(keyValues, context);
		keyValues = numTurns(keyValues, context);
		keyValues = durationApiMs(keyValues, context);
		keyValues = resultSubtype(keyValues, context);
		keyValues = terminalReason(keyValues, context);
		keyValues = permissionDenials(keyValues, context);
		keyValues = usageInputTokens(keyValues, context);
		keyValues = usageOutputTokens(keyValues, context);
		keyValues = usageCacheReadInputTokens(keyValues, context);
		keyValues = usageCacheCreationInputTokens(keyValues, context);
		keyValues = outputType(keyValues, context);
		keyValues = conversationCompacted(keyValues, context);
		keyValues = rateLimit(keyValues, context);
		keyValues = requestParameters(keyValues, context);
		return keyValues;
	}

	protected KeyValues conversationId(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.CONVERSATION_ID, context.getConversationId());
	}

	protected KeyValues agentId(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.AGENT_ID, context.getAgentId());
	}

	protected KeyValues toolDefinitions(KeyValues keyValues, AgentInvocationObservationContext context) {
		if (context.getAvailableTools().isEmpty()) {
			return keyValues;
		}
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.TOOL_DEFINITIONS,
				ConventionSupport.toolDefinitions(context.getAvailableTools()));
	}

	protected KeyValues costTotalTokens(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.COST_TOTAL_TOKENS, context.getCostUsd());
	}

	protected KeyValues costInputTokens(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.COST_INPUT_TOKENS,
				context.getInputCostUsd());
	}

	protected KeyValues costOutputTokens(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.COST_OUTPUT_TOKENS,
				context.getOutputCostUsd());
	}

	protected KeyValues contextWindowSize(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.CONTEXT_WINDOW_SIZE,
				context.getContextWindowSize());
	}

	protected KeyValues contextUtilization(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.CONTEXT_UTILIZATION,
				context.getContextUtilization());
	}

	protected KeyValues numTurns(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.NUM_TURNS, context.getNumTurns());
	}

	protected KeyValues durationApiMs(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.DURATION_API_MS, context.getDurationApiMs());
	}

	protected KeyValues resultSubtype(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.RESULT_SUBTYPE, context.getResultSubtype());
	}

	protected KeyValues terminalReason(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.TERMINAL_REASON, context.getTerminalReason());
	}

	protected KeyValues permissionDenials(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.PERMISSION_DENIALS,
				context.getPermissionDenials());
	}

	protected KeyValues usageInputTokens(KeyValues keyValues, AgentInvocationObservationContext context) {
		TokenUsage usage = context.getTotalUsage();
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.USAGE_INPUT_TOKENS,
				(usage != null) ? usage.inputTokens() : null);
	}

	protected KeyValues usageOutputTokens(KeyValues keyValues, AgentInvocationObservationContext context) {
		TokenUsage usage = context.getTotalUsage();
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.USAGE_OUTPUT_TOKENS,
				(usage != null) ? usage.outputTokens() : null);
	}

	protected KeyValues usageCacheReadInputTokens(KeyValues keyValues, AgentInvocationObservationContext context) {
		TokenUsage usage = context.getTotalUsage();
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.USAGE_CACHE_READ_INPUT_TOKENS,
				(usage != null) ? usage.cacheReadInputTokens() : null);
	}

	protected KeyValues usageCacheCreationInputTokens(KeyValues keyValues,
			AgentInvocationObservationContext context) {
		TokenUsage usage = context.getTotalUsage();
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.USAGE_CACHE_CREATION_INPUT_TOKENS,
				(usage != null) ? usage.cacheCreationInputTokens() : null);
	}

	protected KeyValues outputType(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.OUTPUT_TYPE, context.getOutputType());
	}

	protected KeyValues conversationCompacted(KeyValues keyValues, AgentInvocationObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.CONVERSATION_COMPACTED,
				context.isConversationCompacted() ? Boolean.TRUE : null);
	}

	protected KeyValues rateLimit(KeyValues keyValues, AgentInvocationObservationContext context) {
		keyValues = ConventionSupport.and(keyValues, HighCardinalityKeyNames.RATE_LIMIT_STATUS,
				context.getRateLimitStatus());
		keyValues = ConventionSupport.and(keyValues, HighCardinalityKeyNames.RATE_LIMIT_TYPE, context.getRateLimitType());
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.RATE_LIMIT_UTILIZATION,
				context.getRateLimitUtilization());
	}

	protected KeyValues requestParameters(KeyValues keyValues, AgentInvocationObservationContext context) {
		keyValues = ConventionSupport.and(keyValues, HighCardinalityKeyNames.REQUEST_MAX_BUDGET_USD,
				(context.getMaxBudgetUsd() != null) ? context.getMaxBudgetUsd().toPlainString() : null);
		keyValues = ConventionSupport.and(keyValues, HighCardinalityKeyNames.REQUEST_EFFORT, context.getEffort());
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.REQUEST_FALLBACK_MODEL,
				context.getFallbackModel());
	}

}
