package io.agentobs.claudecode.run;

import io.agentobs.claudecode.micrometer.InstrumentationFailures;

/**
 * The subagent and task events of one turn: subagents open and end their scopes in the
 * {@link AgentScopeTree}, background tasks keep the turn going ({@link TurnResults}).
 * Serialized with the other events of the turn on its {@link AgentRunRecorder}.
 */
public final class SubagentTaskEvents {

	private static final String LOCAL_AGENT = "local_agent";

	private final AgentRunRecorder recorder;

	private final AgentScopeTree scopes;

	private final TurnResults results;

	SubagentTaskEvents(AgentRunRecorder recorder, AgentScopeTree scopes, TurnResults results) {
		this.recorder = recorder;
		this.scopes = scopes;
		this.results = results;
	}

	/**
	 * A subagent started for the given {@code Agent} tool call.
	 * @param parentToolUseId the id of the tool call that launched it
	 * @param agentId the subagent id, may be {@code null}
	 * @param subagentType the subagent type, used as its agent name, may be {@code null}
	 * @param prompt the subagent's task, may be {@code null}
	 */
	public void subagentStarted(String parentToolUseId, String agentId, String subagentType,
			String prompt) {
		synchronized (this.recorder) {
			AgentScope scope = this.recorder.scope(parentToolUseId, agentId, subagentType);
			if (scope != null && prompt != null && scope.context.getPrompt() == null) {
				scope.context.setPrompt(prompt);
			}
		}
	}

	/**
	 * The CLI started a task ({@code system/task_started}). Only {@code local_agent} tasks (or
	 * tasks of unknown type) are subagents; a shell command moved to a task stays a tool call.
	 * @param toolUseId the id of the tool call the task belongs to
	 * @param taskId the task id
	 * @param taskType the task type, e.g. {@code local_agent} or {@code local_bash}, may be {@code null}
	 * @param backgrounded whether the task runs in the background
	 * @param subagentType the subagent type, may be {@code null}
	 * @param prompt the subagent's task, may be {@code null}
	 */
	public void taskStarted(String toolUseId, String taskId, String taskType, boolean backgrounded,
			String subagentType, String prompt) {
		synchronized (this.recorder) {
			if (this.recorder.isFinished()) {
				return;
			}
			if (backgrounded) {
				this.results.backgroundTasks().started(taskId);
			}
			if ((taskType != null && !LOCAL_AGENT.equals(taskType)) || toolUseId == null) {
				return;
			}
			subagentStarted(toolUseId, taskId, subagentType, prompt);
			AgentScope scope = this.scopes.subagent(toolUseId);
			if (scope != null && backgrounded) {
				scope.backgrounded = true;
			}
		}
	}

	/**
	 * A running task was moved to the background ({@code task_updated} with
	 * {@code is_backgrounded}).
	 * @param taskId the task id
	 */
	public void taskBackgrounded(String taskId) {
		synchronized (this.recorder) {
			if (!this.recorder.isFinished()) {
				this.results.backgroundTasks().started(taskId);
			}
		}
	}

	/**
	 * A task ended ({@code system/task_notification}).
	 * @param toolUseId the id of the tool call the task belongs to, may be {@code null}
	 * @param taskId the task id
	 * @param errorType an error type if it failed, else {@code null}
	 */
	public void taskFinished(String toolUseId, String taskId, String errorType) {
		synchronized (this.recorder) {
			this.results.backgroundTasks().ended(taskId);
			subagentFinished(toolUseId, errorType);
		}
	}

	/**
	 * A subagent ended.
	 * @param parentToolUseId the id of the tool call that launched it
	 * @param errorType an error type if it failed, else {@code null}
	 */
	public void subagentFinished(String parentToolUseId, String errorType) {
		synchronized (this.recorder) {
			AgentScope scope = (parentToolUseId != null) ? this.scopes.subagent(parentToolUseId) : null;
			if (scope != null && !scope.ended && !this.recorder.isFinished()) {
				if (errorType != null) {
					scope.context.setErrorType(errorType);
					InstrumentationFailures.run("recording a failed subagent", () -> scope.observation
						.error(new AgentRunFailedException(errorType, "Subagent failed: " + errorType)));
				}
				this.scopes.end(scope);
			}
		}
	}

}
