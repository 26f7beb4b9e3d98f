package io.agentobs.claudecode.metrics;

import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationDocumentation.HighCardinalityKeyNames;
import io.agentobs.claudecode.observation.ToolExecutionObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Counts the permission decisions on tool calls, from their {@code execute_tool}
 * observations, in {@code claude_code.permission.decisions} tagged by tool and decision.
 * Calls nobody was asked about add nothing.
 */
public class PermissionDecisionsObservationHandler implements ObservationHandler<ToolExecutionObservationContext> {

	private final Meter.MeterProvider<Counter> decisions;

	public PermissionDecisionsObservationHandler(MeterRegistry registry) {
		GenAiMeterDocumentation meter = GenAiMeterDocumentation.PERMISSION_DECISIONS;
		this.decisions = Counter.builder(meter.getName())
			.baseUnit(meter.getBaseUnit())
			.description("Permission decisions on tool calls")
			.withRegistry(registry);
	}

	@Override
	public void onStop(ToolExecutionObservationContext context) {
		String decision = context.getPermissionDecision();
		if (decision == null) {
			return;
		}
		String tool = (context.getToolName() != null) ? context.getToolName() : "unknown";
		this.decisions.withTags(Tags.of(LowCardinalityKeyNames.TOOL_NAME.asString(), tool,
				HighCardinalityKeyNames.PERMISSION_DECISION.asString(), decision)).increment();
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ToolExecutionObservationContext;
	}

}
