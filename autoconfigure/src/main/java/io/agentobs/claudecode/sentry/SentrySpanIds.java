package io.agentobs.claudecode.sentry;

import io.agentobs.claudecode.actuate.SpanIds;
import io.micrometer.observation.Observation;
import io.sentry.SpanContext;

/**
 * Reads the ids of the Sentry span that {@link SentryAgentObservationHandler} made for an
 * observation, for applications that have Sentry but no Micrometer Tracing.
 */
public final class SentrySpanIds implements SpanIds.Resolver {

	@Override
	public SpanIds resolve(Observation.ContextView context) {
		SentryObservationSpan span = SentryObservationSpan.of(context);
		if (span == null || span.span().isNoOp()) {
			return null;
		}
		SpanContext spanContext = span.span().getSpanContext();
		return new SpanIds(spanContext.getTraceId().toString(), spanContext.getSpanId().toString());
	}

}
