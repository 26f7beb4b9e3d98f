package io.agentobs.claudecode.run;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.TokenUsage;

/**
 * Splits a turn's cost, as the CLI estimates it, into its input and output parts (Sentry's
 * {@code gen_ai.cost.input_tokens} and {@code gen_ai.cost.output_tokens}). The CLI reports
 * one total; every Claude model is priced with the same ratios to its base input price:
 * output 5, cache writes 1.25 (five-minute cache), cache reads 0.1. The total is shared out
 * by these weights, so the parts always add up to the CLI's total (a turn that wrote to the
 * one-hour cache, priced 2, is shared out as if it had written to the five-minute one).
 */
final class CostSplit {

	static final double OUTPUT_WEIGHT = 5.0;

	static final double CACHE_WRITE_WEIGHT = 1.25;

	static final double CACHE_READ_WEIGHT = 0.1;

	private CostSplit() {
	}

	/**
	 * Records the input and output parts of the context's cost, when the cost and the
	 * turn's token counts are known.
	 * @param context the turn's agent context, its cost already set
	 * @param usage the turn's usage, input including the cache
	 */
	static void record(AgentInvocationObservationContext context, TokenUsage usage) {
		Double cost = context.getCostUsd();
		if (cost == null || usage == null || usage.inputTokens() == null || usage.outputTokens() == null) {
			return;
		}
		long cacheRead = orZero(usage.cacheReadInputTokens());
		long cacheWrite = orZero(usage.cacheCreationInputTokens());
		long baseInput = Math.max(0, usage.inputTokens() - cacheRead - cacheWrite);
		double input = baseInput + CACHE_WRITE_WEIGHT * cacheWrite + CACHE_READ_WEIGHT * cacheRead;
		double output = OUTPUT_WEIGHT * usage.outputTokens();
		if (input + output <= 0) {
			return;
		}
		double outputCost = cost * output / (input + output);
		context.setOutputCostUsd(outputCost);
		context.setInputCostUsd(cost - outputCost);
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0L;
	}

}
