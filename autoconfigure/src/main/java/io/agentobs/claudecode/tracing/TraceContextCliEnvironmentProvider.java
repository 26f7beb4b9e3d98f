package io.agentobs.claudecode.tracing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.agentobs.claudecode.run.CliEnvironmentProvider;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Passes the W3C trace context of a run's {@code invoke_agent} span to the CLI as
 * {@code TRACEPARENT} / {@code TRACESTATE}: the Claude Code CLI parents its own spans on it.
 */
public class TraceContextCliEnvironmentProvider implements CliEnvironmentProvider {

	private final Propagator propagator;

	public TraceContextCliEnvironmentProvider(Propagator propagator) {
		this.propagator = propagator;
	}

	@Override
	public Map<String, String> environment(Observation agentObservation) {
		TracingObservationHandler.TracingContext tracingContext = agentObservation.getContextView()
			.get(TracingObservationHandler.TracingContext.class);
		Span span = (tracingContext != null) ? tracingContext.getSpan() : null;
		if (span == null) {
			return Map.of();
		}
		Map<String, String> headers = new HashMap<>();
		this.propagator.inject(span.context(), headers, Map::put);
		Map<String, String> environment = new HashMap<>();
		copy(headers, "traceparent", environment);
		copy(headers, "tracestate", environment);
		return environment;
	}

	private static void copy(Map<String, String> headers, String header, Map<String, String> environment) {
		String value = headers.get(header);
		if (value != null && !value.isEmpty()) {
			environment.put(header.toUpperCase(Locale.ROOT), value);
		}
	}

}
