package io.agentobs.claudecode.micrometer;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * Starts a child observation inside the scope of its parent observation, so that handlers
 * which look at what is current on the thread see the parent and nothing else.
 * <p>
 * Micrometer Tracing's {@code TracingObservationHandler.getParentSpan} (1.5 and 1.6) prefers
 * the thread's current span to the parent observation's span when the two differ: a chat
 * recorded while an HTTP request's span is current would become a child of the request
 * instead of its agent. Opening the parent's scope makes the parent's span the current one
 * for the duration of the start. An observation whose parent is already the current
 * observation (the top-level agent, started under whatever is current) is started as is.
 */
final class ParentScope {

	private ParentScope() {
	}

	/**
	 * Starts the observation within the scope of its parent.
	 * @param registry the registry both observations belong to
	 * @param parent the parent observation, may be {@code null}
	 * @param observation the observation to start
	 * @return the started observation
	 */
	static Observation startWithin(ObservationRegistry registry, Observation parent, Observation observation) {
		if (parent == null || parent.isNoop() || observation.isNoop() || registry.getCurrentObservation() == parent) {
			return observation.start();
		}
		Observation.Scope previous = registry.getCurrentObservationScope();
		Observation.Scope scope = null;
		List<ObservationHandler> opened = List.of();
		try {
			scope = parent.openScope();
		}
		catch (RuntimeException ex) {
			InstrumentationFailures.log("opening the scope of a parent observation", ex);
			opened = ObservationHandlers.reached(ObservationHandlers.of(parent), ex);
		}
		try {
			return observation.start();
		}
		finally {
			close(registry, parent, scope, opened, previous);
		}
	}

	/**
	 * Closes the parent's scope and puts back the scope that was current before. When a
	 * handler failed, the handlers that opened their part of the scope are told it closed.
	 */
	@SuppressWarnings("unchecked")
	private static void close(ObservationRegistry registry, Observation parent, Observation.Scope scope,
			List<ObservationHandler> openedBeforeAFailure, Observation.Scope previous) {
		Observation.Context context = parent.getContext();
		if (scope != null) {
			try {
				scope.close();
			}
			catch (RuntimeException ex) {
				InstrumentationFailures.log("closing the scope of a parent observation", ex);
				ObservationHandlers.notifyEach(
						ObservationHandlers.notReached(ObservationHandlers.reversed(ObservationHandlers.of(parent)), ex),
						"that a scope closed", (handler) -> handler.onScopeClosed(context));
			}
		}
		else {
			ObservationHandlers.notifyEach(ObservationHandlers.reversed(openedBeforeAFailure), "that a scope closed",
					(handler) -> handler.onScopeClosed(context));
		}
		if (registry.getCurrentObservationScope() != previous) {
			registry.setCurrentObservationScope(previous);
		}
	}

}
