package io.agentobs.claudecode.sample;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Keeps the most recent finished spans in memory so the sample can print its trace.
 */
class CollectingSpanExporter implements SpanExporter {

	private static final int MAX_SPANS = 10_000;

	private final ConcurrentLinkedDeque<SpanData> spans = new ConcurrentLinkedDeque<>();

	@Override
	public CompletableResultCode export(Collection<SpanData> batch) {
		this.spans.addAll(batch);
		while (this.spans.size() > MAX_SPANS) {
			this.spans.pollFirst();
		}
		return CompletableResultCode.ofSuccess();
	}

	List<SpanData> spans() {
		return new ArrayList<>(this.spans);
	}

	@Override
	public CompletableResultCode flush() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}

}
