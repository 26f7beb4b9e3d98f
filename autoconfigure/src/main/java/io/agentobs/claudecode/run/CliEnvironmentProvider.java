package io.agentobs.claudecode.run;

import java.util.Map;

import io.micrometer.observation.Observation;

/**
 * Contributes environment variables to the agent process of one run, e.g. the W3C trace
 * context of the run's {@code invoke_agent} span so that the CLI's own spans join the trace.
 */
@FunctionalInterface
public interface CliEnvironmentProvider {

	/**
	 * The variables for the process of the run observed by the given observation.
	 * @param agentObservation the run's {@code invoke_agent} observation
	 * @return the variables, never {@code null}
	 */
	Map<String, String> environment(Observation agentObservation);

}
