package io.agentobs.claudecode.sentry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import io.agentobs.claudecode.observation.ChatObservationDocumentation;
import io.agentobs.claudecode.observation.ToolExecutionObservationDocumentation;
import io.agentobs.claudecode.observation.TypedKeyValues;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;

/**
 * The Sentry span data of an agent observation: all its low and high cardinality key
 * values except {@code none} and the keys Sentry's conventions deprecate
 * ({@link #SENTRY_DEPRECATED_KEYS}, kept only with legacy attributes), with numbers as
 * numbers ({@link TypedKeyValues}).
 */
final class SentrySpanData {

	/**
	 * Keys of the OpenTelemetry conventions that {@code @sentry/conventions} deprecates
	 * without a replacement: left off Sentry spans (they stay on OpenTelemetry spans).
	 */
	static final Set<String> SENTRY_DEPRECATED_KEYS = Set
		.of(ToolExecutionObservationDocumentation.LowCardinalityKeyNames.TOOL_TYPE.asString());

	/**
	 * Keys of the OpenTelemetry conventions whose fact Sentry's conventions give under a key
	 * of their own, which the span data carries instead: {@code gen_ai.request.stream} is
	 * Sentry's {@code gen_ai.response.streaming}.
	 */
	static final Set<String> SENTRY_OWN_NAME_KEYS = Set
		.of(ChatObservationDocumentation.HighCardinalityKeyNames.REQUEST_STREAM.asString());

	private SentrySpanData() {
	}

	/**
	 * Return the span data of the given context, in key value order.
	 * @param context the context of a stopped observation
	 * @return the data, keyed by attribute name
	 */
	static Map<String, Object> of(Observation.Context context) {
		return of(context, false);
	}

	/**
	 * Return the span data of the given context, in key value order.
	 * @param context the context of a stopped observation
	 * @param legacyAttributes whether keys that Sentry deprecates are kept
	 * @return the data, keyed by attribute name
	 */
	static Map<String, Object> of(Observation.Context context, boolean legacyAttributes) {
		Map<String, Object> data = new LinkedHashMap<>();
		forEach(context, legacyAttributes, data::put);
		return data;
	}

	/**
	 * Hand each entry of the span data of the given context to the given consumer, in key
	 * value order, without collecting them first; a key that is both low and high
	 * cardinality is handed twice, the high cardinality value last.
	 * @param context the context of a stopped observation
	 * @param legacyAttributes whether keys that Sentry deprecates are kept
	 * @param data receives each attribute name and value
	 */
	static void forEach(Observation.Context context, boolean legacyAttributes, BiConsumer<String, Object> data) {
		forEach(context.getLowCardinalityKeyValues(), legacyAttributes, data);
		forEach(context.getHighCardinalityKeyValues(), legacyAttributes, data);
	}

	private static void forEach(Iterable<KeyValue> keyValues, boolean legacyAttributes,
			BiConsumer<String, Object> data) {
		for (KeyValue keyValue : keyValues) {
			if (SENTRY_OWN_NAME_KEYS.contains(keyValue.getKey())) {
				continue;
			}
			if (!legacyAttributes && SENTRY_DEPRECATED_KEYS.contains(keyValue.getKey())) {
				continue;
			}
			if (!KeyValue.NONE_VALUE.equals(keyValue.getValue())) {
				data.accept(keyValue.getKey(), TypedKeyValues.typedValue(keyValue.getKey(), keyValue.getValue()));
			}
		}
	}

}
