package io.agentobs.claudecode.sentry;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.common.lang.Nullable;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.sentry.IScopes;
import io.sentry.ISpan;
import io.sentry.ITransaction;

/**
 * The Sentry span of one agent observation, stored in the observation's context so that
 * child observations find their parent span on any thread. It also keeps the Sentry scopes
 * that were current when the run started, and lets the span end at most once.
 */
final class SentryObservationSpan {

	private final ISpan span;

	private final IScopes scopes;

	private final long openTelemetryStart;

	private final AtomicBoolean ended = new AtomicBoolean();

	SentryObservationSpan(ISpan span, IScopes scopes, long openTelemetryStart) {
		this.span = span;
		this.scopes = scopes;
		this.openTelemetryStart = openTelemetryStart;
	}

	/**
	 * Return the span stored in the given context.
	 * @param context an observation context
	 * @return the span, or {@code null} when the context has none
	 */
	@Nullable
	static SentryObservationSpan of(Observation.ContextView context) {
		return context.get(SentryObservationSpan.class);
	}

	/**
	 * Return the span of the nearest ancestor of the given context that has one.
	 * @param context an observation context
	 * @return the span, or {@code null} when no ancestor has one
	 */
	@Nullable
	static SentryObservationSpan ofNearestAncestor(Observation.ContextView context) {
		ObservationView parent = context.getParentObservation();
		while (parent != null) {
			Observation.ContextView parentContext = parent.getContextView();
			SentryObservationSpan span = of(parentContext);
			if (span != null) {
				return span;
			}
			parent = parentContext.getParentObservation();
		}
		return null;
	}

	ISpan span() {
		return this.span;
	}

	IScopes scopes() {
		return this.scopes;
	}

	/**
	 * Return the start of the observation's OpenTelemetry span read when this span started.
	 * @return nanoseconds since the epoch, or {@link OpenTelemetrySpanTimes#NONE}
	 */
	long openTelemetryStart() {
		return this.openTelemetryStart;
	}

	/**
	 * Return the transaction name when this span is a transaction that this integration
	 * started.
	 * @return the transaction name, or {@code null}
	 */
	@Nullable
	String transactionName() {
		return (this.span instanceof ITransaction transaction) ? transaction.getName() : null;
	}

	/**
	 * Claim the end of the span: only the first call returns {@code true}, so that the span
	 * is recorded, reported and finished once even if its observation stops twice.
	 * @return whether the caller ends the span
	 */
	boolean claimEnd() {
		return this.ended.compareAndSet(false, true);
	}

}
