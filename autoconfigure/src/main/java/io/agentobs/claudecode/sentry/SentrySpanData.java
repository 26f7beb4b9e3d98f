package io.agentobs.claudecode.sentry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatObservationDocumentation;
import io.agentobs.claudecode.observation.TokenUsage;
import io.micrometer.common.KeyValue;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;

/**
 * The Sentry span data of an agent observation: all its low and high cardinality key
 * values except {@code none}, with numbers as numbers. Numeric values are taken from the
 * typed context (token counts as {@code Long}, cost as {@code Double}, turns as
 * {@code Integer}) whenever the key value is the text of that typed value; a value that a
 * custom convention changed is kept as its text.
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
		Map<String, Object> typed = typedValues(context);
		Map<String, Object> data = new LinkedHashMap<>();
		add(data, context.getLowCardinalityKeyValues(), typed);
		add(data, context.getHighCardinalityKeyValues(), typed);
		return data;
	}

	private static void add(Map<String, Object> data, Iterable<KeyValue> keyValues, Map<String, Object> typed) {
		for (KeyValue keyValue : keyValues) {
			String value = keyValue.getValue();
			if (KeyValue.NONE_VALUE.equals(value)) {
				continue;
			}
			Object typedValue = typed.get(keyValue.getKey());
			data.put(keyValue.getKey(),
					(typedValue != null && typedValue.toString().equals(value)) ? typedValue : value);
		}
	}

	private static Map<String, Object> typedValues(Observation.Context context) {
		Map<String, Object> typed = new HashMap<>();
		if (context instanceof AgentInvocationObservationContext agent) {
			put(typed, AgentInvocationObservationDocumentation.HighCardinalityKeyNames.USAGE_COST, agent.getCostUsd());
			put(typed, AgentInvocationObservationDocumentation.HighCardinalityKeyNames.NUM_TURNS, agent.getNumTurns());
			put(typed, AgentInvocationObservationDocumentation.HighCardinalityKeyNames.DURATION_API_MS,
					agent.getDurationApiMs());
			put(typed, AgentInvocationObservationDocumentation.HighCardinalityKeyNames.PERMISSION_DENIALS,
					agent.getPermissionDenials());
			TokenUsage usage = agent.getTotalUsage();
			if (usage != null) {
				put(typed, AgentInvocationObservationDocumentation.HighCardinalityKeyNames.USAGE_INPUT_TOKENS,
						usage.inputTokens());
				put(typed, AgentInvocationObservationDocumentation.HighCardinalityKeyNames.USAGE_OUTPUT_TOKENS,
						usage.outputTokens());
				put(typed, AgentInvocationObservationDocumentation.HighCardinalityKeyNames.USAGE_CACHE_READ_INPUT_TOKENS,
						usage.cacheReadInputTokens());
				put(typed,
						AgentInvocationObservationDocumentation.HighCardinalityKeyNames.USAGE_CACHE_CREATION_INPUT_TOKENS,
						usage.cacheCreationInputTokens());
			}
		}
		else if (context instanceof ChatObservationContext chat && chat.getUsage() != null) {
			TokenUsage usage = chat.getUsage();
			put(typed, ChatObservationDocumentation.HighCardinalityKeyNames.USAGE_INPUT_TOKENS, usage.inputTokens());
			put(typed, ChatObservationDocumentation.HighCardinalityKeyNames.USAGE_OUTPUT_TOKENS, usage.outputTokens());
			put(typed, ChatObservationDocumentation.HighCardinalityKeyNames.USAGE_CACHE_READ_INPUT_TOKENS,
					usage.cacheReadInputTokens());
			put(typed, ChatObservationDocumentation.HighCardinalityKeyNames.USAGE_CACHE_CREATION_INPUT_TOKENS,
					usage.cacheCreationInputTokens());
		}
		return typed;
	}

	private static void put(Map<String, Object> typed, KeyName keyName, Object value) {
		if (value != null) {
			typed.put(keyName.asString(), value);
		}
	}

}
