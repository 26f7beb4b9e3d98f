package io.agentobs.claudecode.metrics;

import io.agentobs.claudecode.observation.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The token metrics of a model call in the development profile of the GenAI conventions:
 * the per-call histograms {@code gen_ai.client.inference.operation.input_tokens} and
 * {@code .output_tokens}, and the usage counters {@code gen_ai.client.inference.usage.*}
 * tagged with {@code gen_ai.token.modality}. Anthropic's usage is not broken down by
 * modality: input and cache counts are {@code unknown}, output (text and tool calls) is
 * {@code text}. A call whose response never came records an input of {@code 0}, as the
 * conventions ask; an output count that is not known is not recorded.
 */
final class InferenceTokenMetrics {

	private static final String UNKNOWN = "unknown";

	private static final String TEXT = "text";

	private final Meter.MeterProvider<DistributionSummary> inputTokens;

	private final Meter.MeterProvider<DistributionSummary> outputTokens;

	private final Meter.MeterProvider<Counter> usageInput;

	private final Meter.MeterProvider<Counter> usageOutput;

	private final Meter.MeterProvider<Counter> usageCacheRead;

	private final Meter.MeterProvider<Counter> usageCacheWrite;

	InferenceTokenMetrics(MeterRegistry registry) {
		this.inputTokens = histogram(registry, GenAiMeterNames.INFERENCE_INPUT_TOKENS,
				"Input tokens per model call, cache included");
		this.outputTokens = histogram(registry, GenAiMeterNames.INFERENCE_OUTPUT_TOKENS, "Output tokens per model call");
		this.usageInput = counter(registry, GenAiMeterNames.USAGE_INPUT_TOKENS, "Input tokens used, cache included");
		this.usageOutput = counter(registry, GenAiMeterNames.USAGE_OUTPUT_TOKENS, "Output tokens used");
		this.usageCacheRead = counter(registry, GenAiMeterNames.USAGE_CACHE_READ_INPUT_TOKENS,
				"Input tokens read from the prompt cache");
		this.usageCacheWrite = counter(registry, GenAiMeterNames.USAGE_CACHE_WRITE_INPUT_TOKENS,
				"Input tokens written to the prompt cache");
	}

	void record(Tags tags, TokenUsage usage) {
		Long input = (usage != null && usage.inputTokens() != null) ? usage.inputTokens() : 0L;
		this.inputTokens.withTags(tags).record(input);
		this.usageInput.withTags(tags.and(GenAiMeterNames.TOKEN_MODALITY, UNKNOWN)).increment(input);
		if (usage == null) {
			return;
		}
		if (usage.outputTokens() != null) {
			this.outputTokens.withTags(tags).record(usage.outputTokens());
			this.usageOutput.withTags(tags.and(GenAiMeterNames.TOKEN_MODALITY, TEXT)).increment(usage.outputTokens());
		}
		if (usage.cacheReadInputTokens() != null) {
			this.usageCacheRead.withTags(tags.and(GenAiMeterNames.TOKEN_MODALITY, UNKNOWN))
				.increment(usage.cacheReadInputTokens());
		}
		if (usage.cacheCreationInputTokens() != null) {
			this.usageCacheWrite.withTags(tags.and(GenAiMeterNames.TOKEN_MODALITY, UNKNOWN))
				.increment(usage.cacheCreationInputTokens());
		}
	}

	private static Meter.MeterProvider<DistributionSummary> histogram(MeterRegistry registry, String name,
			String description) {
		return DistributionSummary.builder(name)
			.baseUnit("{token}")
			.description(description)
			.serviceLevelObjectives(GenAiMeterDocumentation.TOKEN_USAGE_BUCKETS)
			.withRegistry(registry);
	}

	private static Meter.MeterProvider<Counter> counter(MeterRegistry registry, String name, String description) {
		return Counter.builder(name).baseUnit("{token}").description(description).withRegistry(registry);
	}

}
