package io.agentobs.claudecode.metrics;

import java.util.Arrays;

import io.micrometer.common.lang.Nullable;

/**
 * Which names of the OpenTelemetry GenAI conventions the metrics use: the released v1.41
 * names by default, the development head's names when {@code OTEL_SEMCONV_STABILITY_OPT_IN}
 * (a comma-separated list, as OpenTelemetry reads it) holds {@value #LATEST_EXPERIMENTAL_OPT_IN}.
 */
public enum GenAiSemconvProfile {

	/**
	 * The released semantic conventions v1.41: {@code gen_ai.client.token.usage},
	 * {@code gen_ai.client.operation.duration},
	 * {@code gen_ai.client.operation.time_to_first_chunk}.
	 */
	V1_41,

	/**
	 * The development head: {@code gen_ai.client.inference.operation.input_tokens} and
	 * {@code .output_tokens} histograms, {@code gen_ai.client.inference.usage.*} counters
	 * ({@code cache_read}, {@code cache_write}), and the agent and tool metrics
	 * {@code gen_ai.invoke_agent.duration}, {@code gen_ai.invoke_agent.inference_calls},
	 * {@code gen_ai.invoke_agent.tool_calls}, {@code gen_ai.execute_tool.duration}.
	 */
	LATEST_EXPERIMENTAL;

	/**
	 * The opt-in value that selects {@link #LATEST_EXPERIMENTAL}.
	 */
	public static final String LATEST_EXPERIMENTAL_OPT_IN = "gen_ai_latest_experimental";

	/**
	 * The profile an opt-in list selects.
	 * @param optIn the value of {@code OTEL_SEMCONV_STABILITY_OPT_IN} (or the property), a
	 * comma-separated list, may be {@code null}
	 * @return {@link #LATEST_EXPERIMENTAL} when the list holds
	 * {@value #LATEST_EXPERIMENTAL_OPT_IN}, else {@link #V1_41}
	 */
	public static GenAiSemconvProfile fromOptIn(@Nullable String optIn) {
		if (optIn == null) {
			return V1_41;
		}
		boolean latest = Arrays.stream(optIn.split(","))
			.map(String::trim)
			.anyMatch(LATEST_EXPERIMENTAL_OPT_IN::equalsIgnoreCase);
		return latest ? LATEST_EXPERIMENTAL : V1_41;
	}

}
