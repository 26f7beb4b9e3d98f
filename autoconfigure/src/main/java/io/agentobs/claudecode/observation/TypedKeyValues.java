package io.agentobs.claudecode.observation;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.common.docs.KeyName;

/**
 * The typed value of a key value: Micrometer key values are strings, while the telemetry
 * contract wants token counts and run numbers as long, the cost as double and flags as boolean. Backends that
 * can carry numbers (OpenTelemetry attributes, Sentry span data) use this one rule.
 */
public final class TypedKeyValues {

	private static final Set<String> LONG_KEYS = keys(
			ChatObservationDocumentation.HighCardinalityKeyNames.USAGE_INPUT_TOKENS,
			ChatObservationDocumentation.HighCardinalityKeyNames.USAGE_OUTPUT_TOKENS,
			ChatObservationDocumentation.HighCardinalityKeyNames.USAGE_CACHE_READ_INPUT_TOKENS,
			ChatObservationDocumentation.HighCardinalityKeyNames.USAGE_CACHE_CREATION_INPUT_TOKENS,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.USAGE_INPUT_TOKENS,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.USAGE_OUTPUT_TOKENS,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.USAGE_CACHE_READ_INPUT_TOKENS,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.USAGE_CACHE_CREATION_INPUT_TOKENS,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.NUM_TURNS,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.DURATION_API_MS,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.PERMISSION_DENIALS,
			ToolExecutionObservationDocumentation.HighCardinalityKeyNames.PERMISSION_WAIT_MS,
			ToolExecutionObservationDocumentation.HighCardinalityKeyNames.TOOL_DURATION_MS,
			ChatObservationDocumentation.HighCardinalityKeyNames.USAGE_TOTAL_TOKENS,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.CONTEXT_WINDOW_SIZE,
			ToolExecutionObservationDocumentation.HighCardinalityKeyNames.PROCESS_EXIT_CODE,
			SessionLoadObservationDocumentation.HighCardinalityKeyNames.ENTRIES,
			SessionLoadObservationDocumentation.HighCardinalityKeyNames.BYTES);

	private static final Set<String> DOUBLE_KEYS = keys(
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.COST_TOTAL_TOKENS,
			ChatObservationDocumentation.HighCardinalityKeyNames.RESPONSE_TIME_TO_FIRST_CHUNK,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.COST_INPUT_TOKENS,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.COST_OUTPUT_TOKENS,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.CONTEXT_UTILIZATION,
			LegacyGenAiKeyNames.USAGE_COST,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.RATE_LIMIT_UTILIZATION,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.REQUEST_MAX_BUDGET_USD);

	private static final Set<String> BOOLEAN_KEYS = keys(
			ChatObservationDocumentation.HighCardinalityKeyNames.RESPONSE_STREAMING,
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.CONVERSATION_COMPACTED,
			ChatObservationDocumentation.HighCardinalityKeyNames.CONVERSATION_COMPACTED,
			ChatObservationDocumentation.HighCardinalityKeyNames.REQUEST_STREAM);

	private TypedKeyValues() {
	}

	/**
	 * The value of a key as the contract types it.
	 * @param key the key
	 * @param value the key value's text
	 * @return a {@link Long}, {@link Double} or {@link Boolean} for typed keys, else (or when a custom
	 * convention wrote something that is not a number) the text
	 */
	public static Object typedValue(String key, String value) {
		try {
			if (BOOLEAN_KEYS.contains(key) && ("true".equals(value) || "false".equals(value))) {
				return Boolean.valueOf(value);
			}
			if (LONG_KEYS.contains(key)) {
				return Long.valueOf(value);
			}
			if (DOUBLE_KEYS.contains(key)) {
				return Double.valueOf(value);
			}
		}
		catch (NumberFormatException ex) {
			// A custom convention wrote something else: keep its text.
		}
		return value;
	}

	private static Set<String> keys(KeyName... keyNames) {
		return Stream.of(keyNames).map(KeyName::asString).collect(Collectors.toUnmodifiableSet());
	}

}
