package io.agentobs.claudecode.instrumentation;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * An agent observation whose end cannot be lost to a user's failing filter or handler. When
 * {@link #stop()} throws (an {@code ObservationFilter} or an {@code ObservationHandler}'s
 * {@code onStop} failed), the handlers that were not told yet are told, each on its own, so
 * that the tracer's span and the Sentry span still end. Failures of {@link #error} and
 * {@link #event} are logged and swallowed.
 */
final class GuardedObservation implements Observation {

	private static final String SIMPLE_OBSERVATION = "io.micrometer.observation.SimpleObservation";

	private final Observation delegate;

	private GuardedObservation(Observation delegate) {
		this.delegate = delegate;
	}

	/**
	 * Guards an observation.
	 * @param observation the observation
	 * @return the guarded observation, or the observation itself when it is a no-op
	 */
	static Observation of(Observation observation) {
		return (observation.isNoop() || observation instanceof GuardedObservation) ? observation
				: new GuardedObservation(observation);
	}

	@Override
	public void stop() {
		try {
			this.delegate.stop();
		}
		catch (RuntimeException | LinkageError ex) {
			InstrumentationFailures.log("stopping an agent observation (a filter or handler failed; the other "
					+ "handlers are told directly)", ex);
			notifyHandlersNotReached(ex);
		}
	}

	/**
	 * Calls {@code onStop} of the handlers after the one that failed (all of them when a
	 * filter or convention failed), in the order Micrometer calls them.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private void notifyHandlersNotReached(Throwable failure) {
		List<ObservationHandler> handlers = handlersInStopOrder();
		List<String> failedIn = framesBeforeObservation(failure);
		int failed = -1;
		for (int i = 0; i < handlers.size(); i++) {
			if (failedIn.contains(handlers.get(i).getClass().getName())) {
				failed = i;
				break;
			}
		}
		Context context = this.delegate.getContext();
		for (int i = failed + 1; i < handlers.size(); i++) {
			ObservationHandler handler = handlers.get(i);
			InstrumentationFailures.run("telling an observation handler that an observation stopped",
					() -> handler.onStop(context));
		}
	}

	@SuppressWarnings("rawtypes")
	private List<ObservationHandler> handlersInStopOrder() {
		List<ObservationHandler> handlers = new ArrayList<>();
		try {
			Field field = this.delegate.getClass().getDeclaredField("handlers");
			field.setAccessible(true);
			((Deque<?>) field.get(this.delegate)).descendingIterator()
				.forEachRemaining((handler) -> handlers.add((ObservationHandler) handler));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			InstrumentationFailures.log("reading the handlers of an observation whose stop failed", ex);
		}
		return handlers;
	}

	private static List<String> framesBeforeObservation(Throwable failure) {
		List<String> classes = new ArrayList<>();
		for (StackTraceElement frame : failure.getStackTrace()) {
			if (frame.getClassName().equals(SIMPLE_OBSERVATION)) {
				break;
			}
			classes.add(frame.getClassName());
		}
		return classes;
	}

	@Override
	public Observation error(Throwable error) {
		InstrumentationFailures.run("recording the error of an agent observation", () -> this.delegate.error(error));
		return this;
	}

	@Override
	public Observation event(Event event) {
		InstrumentationFailures.run("recording an event of an agent observation", () -> this.delegate.event(event));
		return this;
	}

	@Override
	public Observation start() {
		this.delegate.start();
		return this;
	}

	@Override
	public Observation contextualName(String contextualName) {
		this.delegate.contextualName(contextualName);
		return this;
	}

	@Override
	public Observation parentObservation(Observation parentObservation) {
		this.delegate.parentObservation(parentObservation);
		return this;
	}

	@Override
	public Observation lowCardinalityKeyValue(KeyValue keyValue) {
		this.delegate.lowCardinalityKeyValue(keyValue);
		return this;
	}

	@Override
	public Observation highCardinalityKeyValue(KeyValue keyValue) {
		this.delegate.highCardinalityKeyValue(keyValue);
		return this;
	}

	@Override
	public Observation observationConvention(ObservationConvention<?> observationConvention) {
		this.delegate.observationConvention(observationConvention);
		return this;
	}

	@Override
	public Context getContext() {
		return this.delegate.getContext();
	}

	@Override
	public ContextView getContextView() {
		return this.delegate.getContextView();
	}

	@Override
	public Scope openScope() {
		return this.delegate.openScope();
	}

	@Override
	public Scope getEnclosingScope() {
		return this.delegate.getEnclosingScope();
	}

	@Override
	public ObservationRegistry getObservationRegistry() {
		return this.delegate.getObservationRegistry();
	}

	@Override
	public boolean isNoop() {
		return this.delegate.isNoop();
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
