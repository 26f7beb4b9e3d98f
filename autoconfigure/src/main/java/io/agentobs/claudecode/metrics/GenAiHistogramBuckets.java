package io.agentobs.claudecode.metrics;

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

	static final double[] TOKENS = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
			16777216, 67108864 };

	static final double[] CLIENT_SECONDS = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48,
			40.96, 81.92 };

	static final double[] AGENT_SECONDS = { 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4, 204.8, 409.6 };

	static final double[] CALLS = { 1, 2, 4, 8, 16, 32, 64, 128 };

	private static final Map<String, double[]> BOUNDARIES = Map.of(GenAiMeterNames.TOKEN_USAGE, TOKENS,
			GenAiMeterNames.OPERATION_DURATION, CLIENT_SECONDS, GenAiMeterNames.TIME_TO_FIRST_CHUNK, CLIENT_SECONDS,
			GenAiMeterNames.INFERENCE_INPUT_TOKENS, TOKENS, GenAiMeterNames.INFERENCE_OUTPUT_TOKENS, TOKENS,
			GenAiMeterNames.INVOKE_AGENT_DURATION, AGENT_SECONDS, GenAiMeterNames.INVOKE_AGENT_INFERENCE_CALLS, CALLS,
			GenAiMeterNames.INVOKE_AGENT_TOOL_CALLS, CALLS, GenAiMeterNames.EXECUTE_TOOL_DURATION, CLIENT_SECONDS);

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
