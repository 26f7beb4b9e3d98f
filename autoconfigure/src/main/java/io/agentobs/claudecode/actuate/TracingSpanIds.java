package io.agentobs.claudecode.actuate;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * Reads the span ids Micrometer Tracing's handler put on an observation.
 */
public final class TracingSpanIds implements SpanIds.Resolver {

	@Override
	public SpanIds resolve(Observation.ContextView context) {
		TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
		Span span = (tracing != null) ? tracing.getSpan() : null;
		if (span == null || span.isNoop()) {
			return null;
		}
		return new SpanIds(span.context().traceId(), span.context().spanId());
	}

}
