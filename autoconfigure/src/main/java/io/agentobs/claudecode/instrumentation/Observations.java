package io.agentobs.claudecode.instrumentation;

import io.micrometer.observation.Observation;

/**
 * Stops observations without letting a handler's failure reach the run.
 */
final class Observations {

	private Observations() {
	}

	static void stop(Observation observation) {
		if (observation != null) {
			InstrumentationFailures.run("stopping an agent observation", observation::stop);
		}
	}

}
