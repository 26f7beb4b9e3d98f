package io.agentobs.claudecode.run;

import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.micrometer.observation.Observation;

/**
 * A tool call whose {@code execute_tool} observation is running.
 *
 * @param agent the agent that called the tool
 * @param context the observation context
 * @param observation the running observation
 * @param subagentType the subagent type when the call launches a subagent, else {@code null}
 */
record OpenTool(AgentNode agent, ToolExecutionObservationContext context, Observation observation,
		String subagentType) {
}
