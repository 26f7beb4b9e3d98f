package io.agentobs.claudecode.otel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation;
import io.agentobs.claudecode.observation.ChatObservationDocumentation;
import io.micrometer.common.KeyValue;
import io.micrometer.common.docs.KeyName;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanFilter;

/**
 * {@link SpanFilter} that gives the spans of agent runs typed attributes: Micrometer key
 * values are strings, while TELEMETRY.md wants token counts and run numbers as long and the
 * cost as double. It also drops the {@link KeyValue#NONE_VALUE} placeholders that keep
 * metric tag sets constant but mean "absent" on a span. Spans are recognised by their
 * {@code gen_ai.operation.name}; all others pass unchanged.
 */
public class TypedAttributesSpanFilter implements SpanFilter {

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
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.PERMISSION_DENIALS);

	private static final Set<String> DOUBLE_KEYS = keys(
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.USAGE_COST);

	@Override
	public FinishedSpan map(FinishedSpan span) {
		Map<String, Object> tags = span.getTypedTags();
		if (AgentSpans.operation(tags) == null) {
			return span;
		}
		Map<String, Object> typed = new LinkedHashMap<>();
		tags.forEach((key, value) -> {
			if (!KeyValue.NONE_VALUE.equals(value)) {
				typed.put(key, typed(key, value));
			}
		});
		return span.setTypedTags(typed);
	}

	private static Object typed(String key, Object value) {
		if (!(value instanceof String text)) {
			return value;
		}
		try {
			if (LONG_KEYS.contains(key)) {
				return Long.valueOf(text);
			}
			if (DOUBLE_KEYS.contains(key)) {
				return Double.valueOf(text);
			}
		}
		catch (NumberFormatException ex) {
			// A custom convention wrote something else: keep its text.
		}
		return text;
	}

	private static Set<String> keys(KeyName... keyNames) {
		return Stream.of(keyNames).map(KeyName::asString).collect(Collectors.toUnmodifiableSet());
	}

}
