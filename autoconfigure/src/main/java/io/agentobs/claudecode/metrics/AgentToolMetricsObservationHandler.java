package io.agentobs.claudecode.metrics;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;

/**
 * The agent and tool metrics of the development profile of the GenAI conventions:
 * {@code gen_ai.invoke_agent.duration}, {@code gen_ai.invoke_agent.inference_calls} and
 * {@code gen_ai.invoke_agent.tool_calls} per agent invocation (a subagent is its own
 * invocation: its calls count for it, not for the agent that launched it), and
 * {@code gen_ai.execute_tool.duration} per tool call. Failed and retried model calls count
 * as inference calls. Durations are tagged with the span's low cardinality keys, the call
 * counts with {@code gen_ai.agent.name}.
 */
public class AgentToolMetricsObservationHandler implements ObservationHandler<Observation.Context> {

	private static final String AGENT_NAME = AgentInvocationObservationDocumentation.LowCardinalityKeyNames.AGENT_NAME
		.asString();

	private final MeterRegistry registry;

	private final Meter.MeterProvider<Timer> agentDuration;

	private final Meter.MeterProvider<DistributionSummary> inferenceCalls;

	private final Meter.MeterProvider<DistributionSummary> toolCalls;

	private final Meter.MeterProvider<Timer> toolDuration;

	public AgentToolMetricsObservationHandler(MeterRegistry registry) {
		this.registry = registry;
		this.agentDuration = Timer.builder(GenAiMeterNames.INVOKE_AGENT_DURATION)
			.description("Duration of an agent invocation")
			.serviceLevelObjectives(GenAiHistogramBuckets.durations(GenAiHistogramBuckets.AGENT_SECONDS))
			.withRegistry(registry);
		this.inferenceCalls = DistributionSummary.builder(GenAiMeterNames.INVOKE_AGENT_INFERENCE_CALLS)
			.baseUnit("{inference_call}")
			.description("Model calls an agent made itself in one invocation")
			.serviceLevelObjectives(GenAiHistogramBuckets.CALLS)
			.withRegistry(registry);
		this.toolCalls = DistributionSummary.builder(GenAiMeterNames.INVOKE_AGENT_TOOL_CALLS)
			.baseUnit("{tool_call}")
			.description("Tool calls an agent made itself in one invocation")
			.serviceLevelObjectives(GenAiHistogramBuckets.CALLS)
			.withRegistry(registry);
		this.toolDuration = Timer.builder(GenAiMeterNames.EXECUTE_TOOL_DURATION)
			.description("Duration of a tool call")
			.serviceLevelObjectives(GenAiHistogramBuckets.durations(GenAiMeterDocumentation.OPERATION_DURATION_BUCKETS))
			.withRegistry(registry);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AgentInvocationObservationContext || context instanceof ChatObservationContext
				|| context instanceof ToolExecutionObservationContext;
	}

	@Override
	public void onStart(Observation.Context context) {
		context.put(Start.class, new Start(this.registry.config().clock().monotonicTime()));
		if (context instanceof AgentInvocationObservationContext) {
			context.put(Calls.class, new Calls());
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		Start start = context.get(Start.class);
		long nanos = (start != null) ? this.registry.config().clock().monotonicTime() - start.nanos() : -1;
		if (context instanceof AgentInvocationObservationContext) {
			Calls calls = context.get(Calls.class);
			Tags agentName = Tags.of(ObservationTags.of(context, AGENT_NAME));
			if (calls != null) {
				this.inferenceCalls.withTags(agentName).record(calls.inference.get());
				this.toolCalls.withTags(agentName).record(calls.tools.get());
			}
			if (nanos >= 0) {
				this.agentDuration.withTags(ObservationTags.of(context)).record(nanos, TimeUnit.NANOSECONDS);
			}
			return;
		}
		Calls calls = callsOfAgent(context);
		if (context instanceof ChatObservationContext) {
			if (calls != null) {
				calls.inference.incrementAndGet();
			}
			return;
		}
		if (calls != null) {
			calls.tools.incrementAndGet();
		}
		if (nanos >= 0) {
			this.toolDuration.withTags(ObservationTags.of(context)).record(nanos, TimeUnit.NANOSECONDS);
		}
	}

	/** The call counts of the nearest agent the given chat or tool belongs to. */
	private static Calls callsOfAgent(Observation.Context context) {
		ObservationView parent = context.getParentObservation();
		for (int depth = 0; parent != null && depth < 64; depth++) {
			Observation.ContextView view = parent.getContextView();
			if (view instanceof AgentInvocationObservationContext) {
				return view.get(Calls.class);
			}
			parent = view.getParentObservation();
		}
		return null;
	}

	private record Start(long nanos) {
	}

	private static final class Calls {

		private final AtomicInteger inference = new AtomicInteger();

		private final AtomicInteger tools = new AtomicInteger();

	}

}
