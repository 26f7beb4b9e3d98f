package io.agentobs.claudecode.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for {@code invoke_agent} observations.
 */
public interface AgentInvocationObservationConvention extends ObservationConvention<AgentInvocationObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof AgentInvocationObservationContext;
	}

}
