package io.agentobs.claudecode.sentry;

import io.agentobs.claudecode.micrometer.LibraryInternals;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;

import org.springframework.util.ClassUtils;

/**
 * The start and end instants of an observation's OpenTelemetry span (Micrometer Tracing over
 * the OpenTelemetry SDK), so that the Sentry copy of a span has the same times as the
 * OpenTelemetry copy rather than its own reading of the clock a few handlers later.
 */
final class OpenTelemetrySpanTimes {

	private static final boolean PRESENT = isPresent("io.micrometer.tracing.handler.TracingObservationHandler")
			&& isPresent("io.micrometer.tracing.otel.bridge.OtelSpan")
			&& isPresent("io.opentelemetry.sdk.trace.ReadableSpan");

	/**
	 * No instant: the observation has no (ended) OpenTelemetry SDK span.
	 */
	static final long NONE = Long.MIN_VALUE;

	private OpenTelemetrySpanTimes() {
	}

	/**
	 * The start of the observation's OpenTelemetry span.
	 * @param context the observation's context
	 * @return the instant in nanoseconds since the epoch, or {@link #NONE} when the
	 * observation has no OpenTelemetry SDK span
	 */
	static long start(Observation.Context context) {
		ReadableSpan span = PRESENT ? Spans.of(context) : null;
		return (span != null) ? span.toSpanData().getStartEpochNanos() : NONE;
	}

	/**
	 * The end of the observation's OpenTelemetry span: its start plus its latency when the
	 * start is known, which spares a copy of the span's attributes, else read from the span.
	 * @param context the observation's context
	 * @param start the span's start as {@link #start} returned it, or {@link #NONE}
	 * @return the instant in nanoseconds since the epoch, or {@link #NONE} when the span has
	 * not ended or there is none
	 */
	static long end(Observation.Context context, long start) {
		ReadableSpan span = PRESENT ? Spans.of(context) : null;
		if (span == null || !span.hasEnded()) {
			return NONE;
		}
		return (start != NONE) ? start + span.getLatencyNanos() : span.toSpanData().getEndEpochNanos();
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, OpenTelemetrySpanTimes.class.getClassLoader());
	}

	/**
	 * Loaded only when Micrometer Tracing and the OpenTelemetry SDK are present. The bridge
	 * wraps the spans of sender contexts (chats) in its package-private
	 * {@code SpanFromSpanContext}, read by {@link LibraryInternals#wrappedSpan}; should a later
	 * bridge change it, those Sentry spans use their own clock.
	 */
	private static final class Spans {

		private static final String WRAPPER = "io.micrometer.tracing.otel.bridge.SpanFromSpanContext";

		static ReadableSpan of(Observation.Context context) {
			TracingObservationHandler.TracingContext tracingContext = context
				.get(TracingObservationHandler.TracingContext.class);
			// Not Span.isNoop(): the bridge's is "not recording", true once the span has ended
			io.micrometer.tracing.Span span = (tracingContext != null) ? tracingContext.getSpan() : null;
			if (span == null) {
				return null;
			}
			Object otel = OtelSpan.toOtel(span);
			if (otel != null && WRAPPER.equals(otel.getClass().getName())) {
				otel = LibraryInternals.wrappedSpan(otel);
			}
			return (otel instanceof ReadableSpan readable) ? readable : null;
		}

	}

}
