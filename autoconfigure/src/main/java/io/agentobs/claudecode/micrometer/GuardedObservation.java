package io.agentobs.claudecode.micrometer;

import io.agentobs.claudecode.content.SecretMask;
import io.agentobs.claudecode.observation.AgentRunFailedException;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;

/**
 * An agent observation whose end cannot be lost to a user's failing filter or handler. When
 * {@link #stop()} throws (an {@code ObservationFilter} or an {@code ObservationHandler}'s
 * {@code onStop} failed), the handlers that were not told yet are told, each on its own, so
 * that the tracer's span and the Sentry span still end. Failures of {@link #error} and
 * {@link #event} are logged and swallowed; an error whose message holds a secret of the run
 * is recorded with the secret masked. Work that handlers defer to after the stop
 * ({@link AfterStopActions}) runs when every handler has been told.
 */
final class GuardedObservation implements Observation {

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
		if (observation.isNoop() || observation instanceof GuardedObservation) {
			return observation;
		}
		AfterStopActions.install(observation.getContext());
		return new GuardedObservation(observation);
	}

	/**
	 * Stops the observation, then runs the work handlers deferred to after the stop
	 * ({@link AfterStopActions}).
	 */
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
		AfterStopActions.runAll(this.delegate.getContextView());
	}

	@SuppressWarnings("unchecked")
	private void notifyHandlersNotReached(Throwable failure) {
		Context context = this.delegate.getContext();
		ObservationHandlers.notifyEach(
				ObservationHandlers.notReached(ObservationHandlers.reversed(ObservationHandlers.of(this.delegate)), failure),
				"that an observation stopped", (handler) -> handler.onStop(context));
	}

	Observation delegate() {
		return this.delegate;
	}

	@Override
	public Observation error(Throwable error) {
		InstrumentationFailures.run("recording the error of an agent observation",
				() -> this.delegate.error(withoutSecrets(error)));
		return this;
	}

	/**
	 * The error to record: when its message holds a secret of the run (a CLI's stderr, say),
	 * a copy with the secret masked, of the same error type and stack, without the cause.
	 */
	private Throwable withoutSecrets(Throwable error) {
		String message = error.getMessage();
		SecretMask secrets = SecretMask.of(this.delegate.getContextView(), SecretMask.NONE);
		String masked = secrets.mask(message);
		if (message == null || message.equals(masked)) {
			return error;
		}
		String errorType = (error instanceof AgentRunFailedException failed) ? failed.getErrorType()
				: error.getClass().getSimpleName();
		AgentRunFailedException copy = new AgentRunFailedException(errorType, masked);
		copy.setStackTrace(error.getStackTrace());
		return copy;
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
