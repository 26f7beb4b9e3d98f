package io.agentobs.claudecode.actuate;

import java.util.Collection;

/**
 * What a run is doing now, read from its open steps: waiting for the model, running a tool
 * (the most recently started open one, a subagent's included), or running a subagent.
 *
 * @param state {@code waiting_for_model}, {@code running_tool}, {@code subagent_running} or
 * {@code finished}
 * @param tool the tool running, if any
 * @param toolSince when that tool started (ISO-8601)
 * @param subagent the subagent running, if any
 */
record Activity(String state, String tool, String toolSince, String subagent) {

	static final Activity FINISHED = new Activity("finished", null, null, null);

	static Activity of(Collection<RunStep> openSteps) {
		RunStep tool = null;
		RunStep subagent = null;
		for (RunStep step : openSteps) {
			if (RunStep.TOOL_CALL.equals(step.kind())
					&& (tool == null || !step.startedAt().isBefore(tool.startedAt()))) {
				tool = step;
			}
			else if (RunStep.SUBAGENT.equals(step.kind()) && subagent == null) {
				subagent = step;
			}
		}
		String state = (subagent != null) ? "subagent_running" : (tool != null) ? "running_tool" : "waiting_for_model";
		return new Activity(state, (tool != null) ? tool.name() : null,
				(tool != null) ? tool.startedAt().toString() : null, (subagent != null) ? subagent.name() : null);
	}

}
