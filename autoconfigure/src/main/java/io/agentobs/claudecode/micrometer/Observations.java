package io.agentobs.claudecode.micrometer;

import io.micrometer.observation.Observation;

/**
 * Stops observations without letting a handler's failure reach the run.
 */
public final class Observations {

	private Observations() {
	}

	/**
	 * Stops an observation; a failing handler is logged once and swallowed.
	 * @param observation the observation, may be {@code null}
	 */
	public static void stop(Observation observation) {
		if (observation != null) {
			InstrumentationFailures.run("stopping an agent observation", observation::stop);
		}
	}

}
