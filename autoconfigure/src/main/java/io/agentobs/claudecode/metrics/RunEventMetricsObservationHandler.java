package io.agentobs.claudecode.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationDocumentation;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Meters of the events of agent runs: the {@code claude_code.permission.denials} counter,
 * tagged by tool and agent, from the permission-denied events of {@code execute_tool}
 * observations, and the {@code claude_code.rate_limit.utilization} gauge, by rate limit,
 * holding the last utilization the CLI reported in a rate-limit event of an
 * {@code invoke_agent} observation.
 */
public class RunEventMetricsObservationHandler implements ObservationHandler<Observation.Context> {

	private static final String TOOL_NAME = ToolExecutionObservationDocumentation.LowCardinalityKeyNames.TOOL_NAME
		.asString();

	private static final String AGENT_NAME = ToolExecutionObservationDocumentation.LowCardinalityKeyNames.AGENT_NAME
		.asString();

	private static final String RATE_LIMIT_TYPE = GenAiMeterDocumentation.RateLimitKeyNames.RATE_LIMIT_TYPE.asString();

	private final MeterRegistry registry;

	private final Meter.MeterProvider<Counter> permissionDenials;

	private final Map<String, AtomicReference<Double>> utilizations = new ConcurrentHashMap<>();

	public RunEventMetricsObservationHandler(MeterRegistry registry) {
		this.registry = registry;
		GenAiMeterDocumentation meter = GenAiMeterDocumentation.PERMISSION_DENIALS;
		this.permissionDenials = Counter.builder(meter.getName())
			.baseUnit(meter.getBaseUnit())
			.description("Tool calls the Claude Code CLI refused without asking")
			.withRegistry(registry);
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
		if (context instanceof ToolExecutionObservationContext tool
				&& ToolExecutionObservationDocumentation.Events.PERMISSION_DENIED.getName().equals(event.getName())) {
			this.permissionDenials
				.withTags(Tags.of(TOOL_NAME, value(tool, TOOL_NAME, tool.getToolName()), AGENT_NAME,
						value(tool, AGENT_NAME, tool.getAgentName())))
				.increment();
		}
		else if (context instanceof AgentInvocationObservationContext agent
				&& AgentInvocationObservationDocumentation.Events.RATE_LIMIT.getName().equals(event.getName())
				&& agent.getRateLimitUtilization() != null) {
			utilization(agent.getRateLimitType()).set(agent.getRateLimitUtilization());
		}
	}

	private AtomicReference<Double> utilization(String rateLimitType) {
		String type = (rateLimitType != null) ? rateLimitType : KeyValue.NONE_VALUE;
		return this.utilizations.computeIfAbsent(type, (key) -> {
			AtomicReference<Double> utilization = new AtomicReference<>(0.0);
			Gauge.builder(GenAiMeterDocumentation.RATE_LIMIT_UTILIZATION.getName(), utilization, AtomicReference::get)
				.description("Utilization of the Claude Code CLI's rate limit, as it last reported it")
				.tag(RATE_LIMIT_TYPE, key)
				.strongReference(true)
				.register(this.registry);
			return utilization;
		});
	}

	/**
	 * The value of a low cardinality key as the observation's convention wrote it, else the
	 * context's own value, else {@code none}.
	 */
	private static String value(Observation.Context context, String key, String fallback) {
		KeyValue keyValue = context.getLowCardinalityKeyValue(key);
		if (keyValue != null) {
			return keyValue.getValue();
		}
		return (fallback != null && !fallback.isBlank()) ? fallback : KeyValue.NONE_VALUE;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ToolExecutionObservationContext || context instanceof AgentInvocationObservationContext;
	}

}
