package io.agentobs.claudecode.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for {@code execute_tool} observations.
 */
public interface ToolExecutionObservationConvention extends ObservationConvention<ToolExecutionObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ToolExecutionObservationContext;
	}

}
