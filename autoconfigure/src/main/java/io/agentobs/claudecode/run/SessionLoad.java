package io.agentobs.claudecode.run;

import io.agentobs.claudecode.micrometer.AgentObservationFactory;
import io.agentobs.claudecode.micrometer.Observations;
import io.agentobs.claudecode.observation.SessionLoadObservationContext;
import io.micrometer.observation.Observation;

/**
 * The load of a turn's stored session from the session store, before the CLI resumes it: a
 * {@code claude_code.session_store.load} observation, child of the turn's
 * {@code invoke_agent}, that stops exactly once (when the load ends, or with the turn).
 */
final class SessionLoad {

	private final AgentObservationFactory observations;

	/** The load while it lasts. */
	private Observation observation;

	private SessionLoadObservationContext context;

	SessionLoad(AgentObservationFactory observations) {
		this.observations = observations;
	}

	/**
	 * Starts the load, unless one is in progress.
	 * @param sessionId the session
	 * @param agent the turn's {@code invoke_agent} observation
	 */
	void start(String sessionId, Observation agent) {
		if (this.observation == null) {
			this.context = new SessionLoadObservationContext(sessionId);
			this.observation = this.observations.startSessionLoad(this.context, agent);
		}
	}

	/**
	 * Ends the load in progress, if any, with what it loaded.
	 * @param entries how many transcript entries were loaded
	 * @param bytes the size of their JSON lines
	 * @param failure why it failed, {@code null} when it succeeded
	 */
	void finish(long entries, long bytes, Throwable failure) {
		Observation load = this.observation;
		if (load == null) {
			return;
		}
		this.observation = null;
		this.context.setEntries(entries);
		this.context.setBytes(bytes);
		if (failure != null) {
			this.context.setErrorType(failure.getClass().getName());
			load.error(failure);
		}
		Observations.stop(load);
	}

	/**
	 * Stops the load in progress, if any: the turn ended while its session was loading (a
	 * failed start).
	 */
	void stop() {
		if (this.observation != null) {
			Observations.stop(this.observation);
			this.observation = null;
		}
	}

}
