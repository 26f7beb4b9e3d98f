package io.agentobs.claudecode.benchmarks;

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
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * Micrometer Tracing over the OpenTelemetry SDK with spans that are created, ended and
 * dropped at once: what benchmarks measure when they measure tracing. Close it after the
 * benchmark.
 */
public final class DiscardedTracing implements AutoCloseable {

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(new DiscardingSpanExporter()))
		.build();

	private final ObservationRegistry registry = ObservationRegistry.create();

	/**
	 * Creates the tracer provider and a registry whose observations become its spans.
	 */
	public DiscardedTracing() {
		io.opentelemetry.api.trace.Tracer otelTracer = this.tracerProvider.get("benchmark");
		OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
		OtelTracer tracer = new OtelTracer(otelTracer, currentTraceContext, (event) -> {
		}, new OtelBaggageManager(currentTraceContext, List.of(), List.of()));
		OtelPropagator propagator = new OtelPropagator(ContextPropagators.noop(), otelTracer);
		this.registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
	}

	/**
	 * The registry whose observations become spans.
	 * @return the registry
	 */
	public ObservationRegistry registry() {
		return this.registry;
	}

	@Override
	public void close() {
		this.tracerProvider.close();
	}

}
