package io.agentobs.claudecode.testsupport;

import java.util.Comparator;
import java.util.List;

import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Renders exported spans as an indented tree of span names, children in start order.
 */
public final class SpanTree {

	private SpanTree() {
	}

	public static String render(List<SpanData> spans) {
		StringBuilder tree = new StringBuilder();
		spans.stream()
			.filter((span) -> spans.stream().noneMatch((other) -> other.getSpanId().equals(span.getParentSpanId())))
			.sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
			.forEach((root) -> render(root, spans, 0, tree));
		return tree.toString();
	}

	private static void render(SpanData span, List<SpanData> spans, int depth, StringBuilder tree) {
		tree.append("  ".repeat(depth)).append(span.getName()).append('\n');
		spans.stream()
			.filter((child) -> child.getParentSpanId().equals(span.getSpanId()))
			.sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
			.forEach((child) -> render(child, spans, depth + 1, tree));
	}

}
