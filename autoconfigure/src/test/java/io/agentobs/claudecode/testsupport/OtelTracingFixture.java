package io.agentobs.claudecode.testsupport;

import java.util.List;

import io.agentobs.claudecode.otel.ContextualNameSpanFilter;
import io.agentobs.claudecode.otel.TypedAttributesSpanFilter;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.CompositeSpanExporter;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The Micrometer Tracing OTel bridge wired as Spring Boot wires it (the same three tracing
 * handlers, span filters applied by a {@link CompositeSpanExporter}), exporting
 * synchronously to the given exporter.
 */
public final class OtelTracingFixture implements AutoCloseable {

	private final SdkTracerProvider tracerProvider;

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final AgentRunObservations observations;

	private final OtelPropagator propagator;

	private final OtelTracer tracer;

	public OtelTracingFixture(SpanExporter exporter, SpanFilter... filters) {
		this.tracerProvider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor
				.create(new CompositeSpanExporter(List.of(exporter), List.of(), List.of(), List.of(filters))))
			.build();
		io.opentelemetry.api.trace.Tracer otelTracer = this.tracerProvider.get("test");
		OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
		OtelTracer tracer = new OtelTracer(otelTracer, currentTraceContext, (event) -> {
		}, new OtelBaggageManager(currentTraceContext, List.of(), List.of()));
		this.tracer = tracer;
		this.propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()),
				otelTracer);
		OtelPropagator propagator = this.propagator;
		this.registry.observationConfig()
			.observationHandler(new FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
		this.observations = AgentRunObservations.builder(this.registry).build();
	}

	public static OtelTracingFixture inMemory(InMemorySpanExporter exporter) {
		return new OtelTracingFixture(exporter, new ContextualNameSpanFilter(), new TypedAttributesSpanFilter());
	}

	public ObservationRegistry registry() {
		return this.registry;
	}

	public AgentRunObservations observations() {
		return this.observations;
	}

	public OtelTracer tracer() {
		return this.tracer;
	}

	public OtelPropagator propagator() {
		return this.propagator;
	}

	@Override
	public void close() {
		this.tracerProvider.close();
	}

}
