package io.agentobs.claudecode.otel;

import java.util.LinkedHashMap;
import java.util.Map;

import io.agentobs.claudecode.observation.SessionLoadObservationDocumentation;
import io.agentobs.claudecode.observation.TypedKeyValues;
import io.micrometer.common.KeyValue;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanFilter;

/**
 * {@link SpanFilter} that gives the spans of agent runs typed attributes: Micrometer key
 * values are strings, while docs/telemetry.md wants token counts and run numbers as long and the
 * cost as double. It also drops the {@link KeyValue#NONE_VALUE} placeholders that keep
 * metric tag sets constant but mean "absent" on a span. Spans are recognised by their
 * {@code gen_ai.operation.name}, the session store's load by its name; all others pass
 * unchanged.
 */
public class TypedAttributesSpanFilter implements SpanFilter {

	@Override
	public FinishedSpan map(FinishedSpan span) {
		Map<String, Object> tags = span.getTypedTags();
		if (AgentSpans.operation(tags) == null
				&& !SessionLoadObservationDocumentation.DefaultConvention.NAME.equals(span.getName())) {
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
		return (value instanceof String text) ? TypedKeyValues.typedValue(key, text) : value;
	}

}
