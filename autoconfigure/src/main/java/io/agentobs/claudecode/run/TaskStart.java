package io.agentobs.claudecode.run;

/**
 * A task the CLI started ({@code system/task_started}), for
 * {@link AgentRunEvents#taskStarted}: a subagent, or a shell command moved to a task. Built
 * with {@link #of} and the methods that return a copy with one more value.
 *
 * @param toolUseId the id of the tool call the task belongs to, may be {@code null}
 * @param taskId the task id
 * @param taskType the task type, e.g. {@code local_agent} or {@code local_bash}, may be
 * {@code null}
 * @param backgrounded whether the task runs in the background
 * @param subagentType the subagent type, may be {@code null}
 * @param prompt the subagent's task, may be {@code null}
 */
public record TaskStart(String toolUseId, String taskId, String taskType, boolean backgrounded, String subagentType,
		String prompt) {

	/**
	 * A task of a tool call in the foreground, with nothing else known.
	 * @param toolUseId the id of the tool call the task belongs to, may be {@code null}
	 * @param taskId the task id
	 * @return the start
	 */
	public static TaskStart of(String toolUseId, String taskId) {
		return new TaskStart(toolUseId, taskId, null, false, null, null);
	}

	/**
	 * This start with the task's type.
	 * @param taskType the task type, may be {@code null}
	 * @return a copy
	 */
	public TaskStart taskType(String taskType) {
		return new TaskStart(this.toolUseId, this.taskId, taskType, this.backgrounded, this.subagentType, this.prompt);
	}

	/**
	 * This start in the background or not.
	 * @param backgrounded whether the task runs in the background
	 * @return a copy
	 */
	public TaskStart backgrounded(boolean backgrounded) {
		return new TaskStart(this.toolUseId, this.taskId, this.taskType, backgrounded, this.subagentType, this.prompt);
	}

	/**
	 * This start with the subagent's type.
	 * @param subagentType the subagent type, may be {@code null}
	 * @return a copy
	 */
	public TaskStart subagentType(String subagentType) {
		return new TaskStart(this.toolUseId, this.taskId, this.taskType, this.backgrounded, subagentType, this.prompt);
	}

	/**
	 * This start with the subagent's task.
	 * @param prompt the task, may be {@code null}
	 * @return a copy
	 */
	public TaskStart prompt(String prompt) {
		return new TaskStart(this.toolUseId, this.taskId, this.taskType, this.backgrounded, this.subagentType, prompt);
	}

}
