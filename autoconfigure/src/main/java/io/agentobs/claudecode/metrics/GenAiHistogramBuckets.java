package io.agentobs.claudecode.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Gives the GenAI histograms the bucket boundaries their conventions specify
 * ("ExplicitBucketBoundaries"), in both profiles, as service level objectives: a registry
 * that publishes histograms (Prometheus, OTLP) then has exactly these buckets.
 */
public final class GenAiHistogramBuckets implements MeterFilter {

	/** The token boundaries: those of {@code gen_ai.client.token.usage}. */
	private static final double[] TOKENS = GenAiMeterDocumentation.TOKEN_USAGE_BUCKETS;

	/** The boundaries of client durations in seconds: those of {@code gen_ai.client.operation.duration}. */
	private static final double[] CLIENT_SECONDS = GenAiMeterDocumentation.OPERATION_DURATION_BUCKETS;

	static final double[] AGENT_SECONDS = { 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4, 204.8, 409.6 };

	static final double[] CALLS = { 1, 2, 4, 8, 16, 32, 64, 128 };

	private static final Map<String, double[]> BOUNDARIES = Map.of(GenAiMeterNames.TOKEN_USAGE, TOKENS,
			GenAiMeterNames.OPERATION_DURATION, CLIENT_SECONDS, GenAiMeterNames.TIME_TO_FIRST_CHUNK, CLIENT_SECONDS,
			GenAiMeterNames.INFERENCE_INPUT_TOKENS, TOKENS, GenAiMeterNames.INFERENCE_OUTPUT_TOKENS, TOKENS,
			GenAiMeterNames.INVOKE_AGENT_DURATION, AGENT_SECONDS, GenAiMeterNames.INVOKE_AGENT_INFERENCE_CALLS, CALLS,
			GenAiMeterNames.INVOKE_AGENT_TOOL_CALLS, CALLS, GenAiMeterNames.EXECUTE_TOOL_DURATION, CLIENT_SECONDS);

	/**
	 * Boundaries in seconds as the service level objectives of a timer.
	 * @param seconds the boundaries in seconds
	 * @return the boundaries as durations
	 */
	static Duration[] durations(double[] seconds) {
		return Arrays.stream(seconds)
			.mapToObj((value) -> Duration.ofNanos(Math.round(value * 1e9)))
			.toArray(Duration[]::new);
	}

	@Override
	public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		double[] boundaries = BOUNDARIES.get(id.getName());
		if (boundaries == null) {
			return config;
		}
		double[] objectives = (id.getType() == Meter.Type.TIMER || id.getType() == Meter.Type.LONG_TASK_TIMER)
				? Arrays.stream(boundaries).map((seconds) -> (double) Math.round(seconds * 1e9)).toArray()
				: boundaries;
		return DistributionStatisticConfig.builder().serviceLevelObjectives(objectives).build().merge(config);
	}

}
