package io.agentobs.claudecode.metrics;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Adds the estimated cost of each agent run, from its {@code invoke_agent} observation, to
 * the {@code claude_code.cost} counter tagged by agent name and requested model. Runs
 * without a cost (subagents, runs that failed before a result) add nothing.
 */
public class AgentCostObservationHandler implements ObservationHandler<AgentInvocationObservationContext> {

	private final Meter.MeterProvider<Counter> cost;

	public AgentCostObservationHandler(MeterRegistry registry) {
		GenAiMeterDocumentation meter = GenAiMeterDocumentation.COST;
		this.cost = Counter.builder(meter.getName())
			.baseUnit(meter.getBaseUnit())
			.description("Estimated cost of agent runs in USD")
			.withRegistry(registry);
	}

	@Override
	public void onStop(AgentInvocationObservationContext context) {
		Double costUsd = context.getCostUsd();
		if (costUsd == null || costUsd <= 0) {
			return;
		}
		Tags tags = Tags.of(ObservationTags.of(context, LowCardinalityKeyNames.AGENT_NAME.asString()),
				ObservationTags.of(context, LowCardinalityKeyNames.REQUEST_MODEL.asString()));
		this.cost.withTags(tags).increment(costUsd);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AgentInvocationObservationContext;
	}

}
