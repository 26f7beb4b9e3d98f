package io.agentobs.claudecode.sentry;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.sentry.SpanId;
import io.sentry.TransactionContext;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.TransactionNameSource;

import org.springframework.util.ClassUtils;

/**
 * Gives the Sentry transaction of a run the trace id and span id of the run's OpenTelemetry
 * span (Micrometer Tracing), so that one agent run has the same trace id in Sentry and in any
 * OpenTelemetry backend.
 */
final class OpenTelemetryTraceIds {

	private static final boolean TRACING_PRESENT = ClassUtils.isPresent(
			"io.micrometer.tracing.handler.TracingObservationHandler", OpenTelemetryTraceIds.class.getClassLoader());

	private OpenTelemetryTraceIds() {
	}

	/**
	 * The context of a new transaction for the given observation.
	 * @param context the observation's context
	 * @param name the transaction name
	 * @param operation the transaction op
	 * @return a context with the tracer's ids when the observation has a span, else new ids
	 */
	static TransactionContext transactionContext(Observation.Context context, String name, String operation) {
		TraceContext traceContext = TRACING_PRESENT ? traceContext(context) : null;
		if (traceContext == null) {
			return new TransactionContext(name, TransactionNameSource.CUSTOM, operation);
		}
		TransactionContext transactionContext = new TransactionContext(new SentryId(traceContext.traceId()),
				new SpanId(traceContext.spanId()), null, null, null);
		transactionContext.setName(name);
		transactionContext.setTransactionNameSource(TransactionNameSource.CUSTOM);
		transactionContext.setOperation(operation);
		return transactionContext;
	}

	private static TraceContext traceContext(Observation.Context context) {
		TracingObservationHandler.TracingContext tracingContext = context
			.get(TracingObservationHandler.TracingContext.class);
		Span span = (tracingContext != null) ? tracingContext.getSpan() : null;
		if (span == null || span.isNoop()) {
			return null;
		}
		TraceContext traceContext = span.context();
		boolean valid = traceContext.traceId() != null && traceContext.traceId().length() == 32
				&& traceContext.spanId() != null && traceContext.spanId().length() == 16;
		return valid ? traceContext : null;
	}

}
