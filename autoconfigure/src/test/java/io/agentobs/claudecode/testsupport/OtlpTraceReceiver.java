package io.agentobs.claudecode.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP/HTTP traces endpoint on loopback: decodes the protobuf export requests an
 * application's OTLP span exporter posts to {@code /v1/traces} and keeps their spans.
 */
public final class OtlpTraceReceiver implements AutoCloseable {

	private static final HexFormat HEX = HexFormat.of();

	private final HttpServer server;

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	public OtlpTraceReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/v1/traces", this::receive);
		this.server.start();
	}

	/** The traces endpoint to configure in the application. */
	public String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/** The spans received so far, in order of arrival. */
	public List<ReceivedSpan> spans() {
		return List.copyOf(this.spans);
	}

	/**
	 * Waits until the received spans satisfy the condition.
	 * @return the spans received then
	 */
	public List<ReceivedSpan> awaitSpans(Predicate<List<ReceivedSpan>> condition, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.test(spans())) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for OTLP spans; received "
						+ spans().stream().map(ReceivedSpan::name).toList());
			}
			Thread.sleep(50);
		}
		return spans();
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body(exchange));
			for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
				for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
					scopeSpans.getSpansList().forEach((span) -> this.spans.add(ReceivedSpan.of(span)));
				}
			}
			byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, response.length);
			exchange.getResponseBody().write(response);
		}
	}

	private static byte[] body(HttpExchange exchange) throws IOException {
		InputStream body = exchange.getRequestBody();
		if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
			body = new GZIPInputStream(body);
		}
		return body.readAllBytes();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A received span: ids in lower-case hex, the attribute values as OTLP {@link AnyValue}s.
	 */
	public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, Span.SpanKind kind,
			long startEpochNanos, long endEpochNanos, Map<String, AnyValue> attributes) {

		static ReceivedSpan of(Span span) {
			Map<String, AnyValue> attributes = new LinkedHashMap<>();
			for (KeyValue attribute : span.getAttributesList()) {
				attributes.put(attribute.getKey(), attribute.getValue());
			}
			return new ReceivedSpan(HEX.formatHex(span.getTraceId().toByteArray()),
					HEX.formatHex(span.getSpanId().toByteArray()), HEX.formatHex(span.getParentSpanId().toByteArray()),
					span.getName(), span.getKind(), span.getStartTimeUnixNano(), span.getEndTimeUnixNano(), attributes);
		}

		/** The attribute's value, or {@code null} when the span has no such attribute. */
		public AnyValue attribute(String key) {
			return this.attributes.get(key);
		}

	}

}
