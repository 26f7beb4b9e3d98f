package io.agentobs.claudecode.sample;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;

import org.springframework.stereotype.Component;

/**
 * Prints the trace of the last agent run as a tree: span names, durations, tokens, cost and
 * errors, read from the exported OpenTelemetry spans.
 */
@Component
class TraceTreePrinter {

	private static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");

	private static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");

	private static final AttributeKey<Long> TOTAL_INPUT_TOKENS = AttributeKey.longKey("claude_code.usage.input_tokens");

	private static final AttributeKey<Long> TOTAL_OUTPUT_TOKENS = AttributeKey
		.longKey("claude_code.usage.output_tokens");

	private static final AttributeKey<Double> COST = AttributeKey.doubleKey("gen_ai.cost.total_tokens");

	private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

	private static final AttributeKey<String> FINISH_REASONS = AttributeKey
		.stringKey("gen_ai.response.finish_reasons");

	private final SdkTracerProvider tracerProvider;

	private final CollectingSpanExporter exporter;

	private final PrintStream out = System.out;

	TraceTreePrinter(SdkTracerProvider tracerProvider, CollectingSpanExporter exporter) {
		this.tracerProvider = tracerProvider;
		this.exporter = exporter;
	}

	/**
	 * Prints the trace of the most recent {@code invoke_agent} root span.
	 */
	void printTrace() {
		this.tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
		List<SpanData> spans = this.exporter.spans();
		SpanData root = spans.stream()
			.filter((span) -> span.getName().startsWith("invoke_agent") && !span.getParentSpanContext().isValid())
			.max(Comparator.comparingLong(SpanData::getStartEpochNanos))
			.orElse(null);
		if (root == null) {
			this.out.println("No agent trace was recorded.");
			return;
		}
		List<SpanData> trace = spans.stream().filter((span) -> span.getTraceId().equals(root.getTraceId())).toList();
		this.out.println();
		this.out.println("Trace " + root.getTraceId() + " (" + trace.size() + " spans)");
		print(root, trace, "", "");
		this.out.println();
	}

	private void print(SpanData span, List<SpanData> trace, String prefix, String childPrefix) {
		this.out.println(prefix + describe(span));
		List<SpanData> children = trace.stream()
			.filter((child) -> child.getParentSpanId().equals(span.getSpanId()))
			.sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
			.toList();
		for (int i = 0; i < children.size(); i++) {
			boolean last = i == children.size() - 1;
			print(children.get(i), trace, childPrefix + (last ? "└── " : "├── "), childPrefix + (last ? "    " : "│   "));
		}
	}

	private static String describe(SpanData span) {
		StringBuilder line = new StringBuilder(span.getName());
		double millis = (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000_000.0;
		line.append(String.format(Locale.ROOT, "  %.0f ms", millis));
		appendTokens(line, "tokens", span.getAttributes().get(INPUT_TOKENS), span.getAttributes().get(OUTPUT_TOKENS));
		String finishReasons = span.getAttributes().get(FINISH_REASONS);
		if (finishReasons != null) {
			line.append("  finish=").append(finishReasons);
		}
		appendTokens(line, "total tokens", span.getAttributes().get(TOTAL_INPUT_TOKENS),
				span.getAttributes().get(TOTAL_OUTPUT_TOKENS));
		Double cost = span.getAttributes().get(COST);
		if (cost != null) {
			line.append(String.format(Locale.ROOT, "  cost=$%.6f", cost));
		}
		String errorType = span.getAttributes().get(ERROR_TYPE);
		if (span.getStatus().getStatusCode() == StatusCode.ERROR || (errorType != null && !"none".equals(errorType))) {
			line.append("  ERROR ").append(errorType);
		}
		return line.toString();
	}

	private static void appendTokens(StringBuilder line, String label, Long input, Long output) {
		if (input != null || output != null) {
			line.append("  ").append(label);
			if (input != null) {
				line.append(" in=").append(input);
			}
			if (output != null) {
				line.append(" out=").append(output);
			}
		}
	}

}
