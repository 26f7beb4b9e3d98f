package io.agentobs.claudecode.metrics;

import java.util.concurrent.TimeUnit;

import io.agentobs.claudecode.metrics.GenAiMeterDocumentation.TokenUsageKeyNames;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.TokenUsage;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Records the GenAI client metrics of each model call from its {@code chat} observation:
 * {@code gen_ai.client.token.usage} (input tokens including cache, and output tokens when
 * they are known) and {@code gen_ai.client.operation.duration} (a timer: seconds in Prometheus, the
 * registry's base time unit elsewhere). Both are tagged
 * with the observation's low cardinality key values, so the number of meters is bounded by
 * those values, not by the number of runs; meters are looked up in the registry.
 */
public class ChatMetricsObservationHandler implements ObservationHandler<ChatObservationContext> {

	private static final String INPUT = "input";

	private static final String OUTPUT = "output";

	private final MeterRegistry registry;

	private final Meter.MeterProvider<DistributionSummary> tokenUsage;

	private final Meter.MeterProvider<Timer> operationDuration;

	private final Meter.MeterProvider<Timer> timeToFirstChunk;

	private final InferenceTokenMetrics inferenceTokens;

	public ChatMetricsObservationHandler(MeterRegistry registry) {
		this(registry, GenAiSemconvProfile.V1_41);
	}

	/**
	 * Create a handler that records the metrics of the given profile: token usage as
	 * {@code gen_ai.client.token.usage} (v1.41) or as the {@code gen_ai.client.inference.*}
	 * metrics (latest experimental).
	 * @param registry the meter registry
	 * @param profile the conventions' profile
	 */
	public ChatMetricsObservationHandler(MeterRegistry registry, GenAiSemconvProfile profile) {
		this.registry = registry;
		this.inferenceTokens = (profile == GenAiSemconvProfile.LATEST_EXPERIMENTAL) ? new InferenceTokenMetrics(registry)
				: null;
		this.tokenUsage = summary(GenAiMeterDocumentation.TOKEN_USAGE, GenAiMeterDocumentation.TOKEN_USAGE_BUCKETS,
				"Tokens used per model call");
		this.operationDuration = timer(GenAiMeterDocumentation.OPERATION_DURATION, "Duration of a model call");
		this.timeToFirstChunk = timer(GenAiMeterDocumentation.TIME_TO_FIRST_CHUNK,
				"Time from a model request to the first chunk of its response");
	}

	private Meter.MeterProvider<Timer> timer(GenAiMeterDocumentation meter, String description) {
		return Timer.builder(meter.getName())
			.description(description)
			.serviceLevelObjectives(GenAiHistogramBuckets.durations(GenAiMeterDocumentation.OPERATION_DURATION_BUCKETS))
			.withRegistry(this.registry);
	}

	private Meter.MeterProvider<DistributionSummary> summary(GenAiMeterDocumentation meter, double[] buckets,
			String description) {
		return DistributionSummary.builder(meter.getName())
			.baseUnit(meter.getBaseUnit())
			.description(description)
			.serviceLevelObjectives(buckets)
			.withRegistry(this.registry);
	}

	@Override
	public void onStart(ChatObservationContext context) {
		context.put(StartTime.class, new StartTime(this.registry.config().clock().monotonicTime()));
	}

	@Override
	public void onStop(ChatObservationContext context) {
		Tags tags = ObservationTags.of(context);
		StartTime start = context.get(StartTime.class);
		if (start != null) {
			long nanos = this.registry.config().clock().monotonicTime() - start.nanos();
			this.operationDuration.withTags(tags).record(nanos, TimeUnit.NANOSECONDS);
		}
		Double timeToFirstChunk = context.getTimeToFirstChunk();
		if (timeToFirstChunk != null) {
			this.timeToFirstChunk.withTags(tags).record(Math.round(timeToFirstChunk * 1e9), TimeUnit.NANOSECONDS);
		}
		TokenUsage usage = context.getUsage();
		if (this.inferenceTokens != null) {
			this.inferenceTokens.record(tags, usage);
		}
		else if (usage != null) {
			record(tags, INPUT, usage.inputTokens());
			record(tags, OUTPUT, usage.outputTokens());
		}
	}

	private void record(Tags tags, String tokenType, Long tokens) {
		if (tokens != null) {
			this.tokenUsage.withTags(tags.and(TokenUsageKeyNames.TOKEN_TYPE.asString(), tokenType)).record(tokens);
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatObservationContext;
	}

	private record StartTime(long nanos) {
	}

}
