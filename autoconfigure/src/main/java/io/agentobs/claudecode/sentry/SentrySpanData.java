package io.agentobs.claudecode.sentry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import io.agentobs.claudecode.observation.TypedKeyValues;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;

/**
 * The Sentry span data of an agent observation: all its low and high cardinality key
 * values except {@code none}, with numbers as numbers ({@link TypedKeyValues}).
 */
final class SentrySpanData {

	private SentrySpanData() {
	}

	/**
	 * Return the span data of the given context, in key value order.
	 * @param context the context of a stopped observation
	 * @return the data, keyed by attribute name
	 */
	static Map<String, Object> of(Observation.Context context) {
		Map<String, Object> data = new LinkedHashMap<>();
		add(data, context.getLowCardinalityKeyValues());
		add(data, context.getHighCardinalityKeyValues());
		return data;
	}

	/**
	 * Hand each entry of the span data of the given context to the given consumer, in key
	 * value order, without collecting them first; a key that is both low and high
	 * cardinality is handed twice, the high cardinality value last.
	 * @param context the context of a stopped observation
	 * @param data receives each attribute name and value
	 */
	static void forEach(Observation.Context context, BiConsumer<String, Object> data) {
		forEach(context.getLowCardinalityKeyValues(), data);
		forEach(context.getHighCardinalityKeyValues(), data);
	}

	private static void add(Map<String, Object> data, Iterable<KeyValue> keyValues) {
		forEach(keyValues, data::put);
	}

	private static void forEach(Iterable<KeyValue> keyValues, BiConsumer<String, Object> data) {
		for (KeyValue keyValue : keyValues) {
			if (!KeyValue.NONE_VALUE.equals(keyValue.getValue())) {
				data.accept(keyValue.getKey(), TypedKeyValues.typedValue(keyValue.getKey(), keyValue.getValue()));
			}
		}
	}

}
