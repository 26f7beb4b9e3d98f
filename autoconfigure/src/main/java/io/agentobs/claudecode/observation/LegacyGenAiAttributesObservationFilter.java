package io.agentobs.claudecode.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

/**
 * Adds the deprecated keys of {@link LegacyGenAiKeyNames} next to their replacements, as
 * high cardinality key values: {@code gen_ai.system} on every span,
 * {@code gen_ai.request.available_tools} and {@code gen_ai.usage.cost} on agent spans that
 * have tools or a cost. Registered only when {@code sentry.claude-code.legacy-attributes}
 * is on.
 */
public class LegacyGenAiAttributesObservationFilter implements ObservationFilter {

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof AgentInvocationObservationContext agent) {
			system(context, agent.getProviderName());
			if (!agent.getAvailableTools().isEmpty()) {
				context.addHighCardinalityKeyValue(KeyValue.of(LegacyGenAiKeyNames.REQUEST_AVAILABLE_TOOLS,
						ConventionSupport.jsonArray(agent.getAvailableTools())));
			}
			if (agent.getCostUsd() != null) {
				context.addHighCardinalityKeyValue(
						KeyValue.of(LegacyGenAiKeyNames.USAGE_COST, agent.getCostUsd().toString()));
			}
		}
		else if (context instanceof ChatObservationContext chat) {
			system(context, chat.getProviderName());
		}
		else if (context instanceof ToolExecutionObservationContext tool) {
			system(context, tool.getProviderName());
		}
		return context;
	}

	private static void system(Observation.Context context, String providerName) {
		if (ConventionSupport.hasText(providerName)) {
			context.addHighCardinalityKeyValue(KeyValue.of(LegacyGenAiKeyNames.SYSTEM, providerName));
		}
	}

}
