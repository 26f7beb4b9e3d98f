package io.agentobs.claudecode.tracing;

import java.util.List;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * Micrometer Tracing over the OpenTelemetry SDK with an in-memory exporter, wired the way
 * Spring Boot wires it, for tests that assert on real OTel spans.
 */
public final class InMemoryOtelTracing {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final OtelPropagator propagator;

	private final ObservationRegistry registry = ObservationRegistry.create();

	public InMemoryOtelTracing() {
		SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
			.build();
		OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
			.setTracerProvider(tracerProvider)
			.setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
			.build();
		io.opentelemetry.api.trace.Tracer otelTracer = openTelemetry.getTracer("test");
		OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
		OtelTracer tracer = new OtelTracer(otelTracer, currentTraceContext, (event) -> {
		}, new OtelBaggageManager(currentTraceContext, List.of(), List.of()));
		this.propagator = new OtelPropagator(openTelemetry.getPropagators(), otelTracer);
		this.registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, this.propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, this.propagator),
					new DefaultTracingObservationHandler(tracer)));
	}

	public ObservationRegistry registry() {
		return this.registry;
	}

	public OtelPropagator propagator() {
		return this.propagator;
	}

	public InMemorySpanExporter exporter() {
		return this.exporter;
	}

}
