package io.agentobs.claudecode.client.message;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code system} line: {@code init} at the start of every turn, and others such as
 * {@code status}, {@code api_retry} or {@code task_started}. All data stays in {@link #raw()};
 * the subtypes this client reads have typed views ({@link #init()}, {@link #status()},
 * {@link #apiRetry()}, {@link #taskStarted()}, {@link #taskUpdated()},
 * {@link #taskNotification()}).
 *
 * @param subtype the subtype, e.g. {@code init}
 * @param sessionId the session id
 * @param raw the line
 */
public record SystemMessage(String subtype, String sessionId, JsonNode raw) implements ClaudeMessage {

	@Override
	public String type() {
		return "system";
	}

	/**
	 * Whether this is the {@code init} message that opens a turn.
	 * @return {@code true} for {@code system/init}
	 */
	public boolean isInit() {
		return "init".equals(this.subtype);
	}

	/**
	 * The model of an {@code init} message.
	 * @return the model or {@code null}
	 */
	public String model() {
		return Json.text(this.raw, "model");
	}

	/**
	 * The tool names of an {@code init} message.
	 * @return the tools, empty when absent
	 */
	public List<String> tools() {
		return Json.texts(this.raw, "tools");
	}

	/**
	 * A text field of the message, e.g. {@code tool_use_id} of {@code task_started}.
	 * @param name the field name
	 * @return the value or {@code null}
	 */
	public String field(String name) {
		return Json.text(this.raw, name);
	}

	/**
	 * The {@code init} message that opens a turn, if this is one.
	 * @return the init message
	 */
	public Optional<Init> init() {
		return isInit() ? Optional.of(new Init(model(), tools())) : Optional.empty();
	}

	/**
	 * The {@code status} message, if this is one.
	 * @return the status
	 */
	public Optional<Status> status() {
		if (!"status".equals(this.subtype)) {
			return Optional.empty();
		}
		return Optional.of(new Status(field("status"), field("parent_tool_use_id")));
	}

	/**
	 * The {@code api_retry} message, if this is one.
	 * @return the retry
	 */
	public Optional<ApiRetry> apiRetry() {
		if (!"api_retry".equals(this.subtype)) {
			return Optional.empty();
		}
		JsonNode status = this.raw.path("error_status");
		String errorStatus = (status.isNumber() || (status.isTextual() && !status.asText().isBlank()))
				? status.asText() : null;
		return Optional.of(new ApiRetry(errorStatus, field("error"),
				Math.max(0, this.raw.path("retry_delay_ms").asLong(0)), field("parent_tool_use_id")));
	}

	/**
	 * The {@code task_started} message, if this is one.
	 * @return the started task
	 */
	public Optional<TaskStarted> taskStarted() {
		if (!"task_started".equals(this.subtype)) {
			return Optional.empty();
		}
		return Optional.of(new TaskStarted(field("task_id"), field("tool_use_id"), field("task_type"),
				this.raw.path("is_backgrounded").asBoolean(false), field("subagent_type"), field("prompt")));
	}

	/**
	 * The {@code task_updated} message, if this is one.
	 * @return the task update
	 */
	public Optional<TaskUpdated> taskUpdated() {
		if (!"task_updated".equals(this.subtype)) {
			return Optional.empty();
		}
		return Optional.of(new TaskUpdated(field("task_id"),
				this.raw.path("patch").path("is_backgrounded").asBoolean(false)));
	}

	/**
	 * The {@code task_notification} message that ends a task, if this is one.
	 * @return the task's end
	 */
	public Optional<TaskNotification> taskNotification() {
		if (!"task_notification".equals(this.subtype)) {
			return Optional.empty();
		}
		return Optional.of(new TaskNotification(field("task_id"), field("tool_use_id"), field("status")));
	}

	/**
	 * The start of a turn ({@code system/init}).
	 * @param model the main model, may be {@code null}
	 * @param tools the available tool names, empty when absent
	 */
	public record Init(String model, List<String> tools) {
	}

	/**
	 * A status change of an agent ({@code system/status}).
	 * @param status the status, e.g. {@code requesting}, may be {@code null}
	 * @param parentToolUseId the {@code Agent} tool use of the subagent, {@code null} for the
	 * top-level agent
	 */
	public record Status(String status, String parentToolUseId) {

		/**
		 * Whether the agent is sending a model request.
		 * @return {@code true} for {@code requesting}
		 */
		public boolean isRequesting() {
			return "requesting".equals(this.status);
		}

	}

	/**
	 * A model request that failed and that the CLI sends again after a back-off
	 * ({@code system/api_retry}).
	 * @param errorStatus the HTTP status, {@code null} when there is none
	 * @param error the CLI's name of the error, may be {@code null}
	 * @param retryDelayMillis the back-off before the request is sent again, {@code 0} when
	 * not known
	 * @param parentToolUseId the {@code Agent} tool use of the subagent, {@code null} for the
	 * top-level agent
	 */
	public record ApiRetry(String errorStatus, String error, long retryDelayMillis, String parentToolUseId) {

		/**
		 * What failed: the HTTP status, else the error name.
		 * @return the error type, may be {@code null}
		 */
		public String errorType() {
			return (this.errorStatus != null) ? this.errorStatus : this.error;
		}

	}

	/**
	 * A task the CLI started ({@code system/task_started}): a subagent or a shell command.
	 * @param taskId the task id
	 * @param toolUseId the id of the tool call the task belongs to, may be {@code null}
	 * @param taskType the task type, e.g. {@code local_agent} or {@code local_bash}, may be
	 * {@code null}
	 * @param backgrounded whether the task runs in the background
	 * @param subagentType the subagent type, may be {@code null}
	 * @param prompt the subagent's task, may be {@code null}
	 */
	public record TaskStarted(String taskId, String toolUseId, String taskType, boolean backgrounded,
			String subagentType, String prompt) {
	}

	/**
	 * A change of a running task ({@code system/task_updated}).
	 * @param taskId the task id
	 * @param backgrounded whether the change moved the task to the background
	 */
	public record TaskUpdated(String taskId, boolean backgrounded) {
	}

	/**
	 * The end of a task ({@code system/task_notification}).
	 * @param taskId the task id
	 * @param toolUseId the id of the tool call the task belongs to, may be {@code null}
	 * @param status how it ended, e.g. {@code completed}, may be {@code null}
	 */
	public record TaskNotification(String taskId, String toolUseId, String status) {

		/**
		 * How a task that did not complete ended.
		 * @return the status, or {@code null} when the task completed (or says nothing)
		 */
		public String failureStatus() {
			return (this.status == null || "completed".equals(this.status)) ? null : this.status;
		}

	}

}
