package io.agentobs.claudecode.client.message;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code system} line: {@code init} at the start of every turn, and others such as
 * {@code status}, {@code api_retry} or {@code task_started}. All data stays in {@link #raw()};
 * the subtypes this client reads have typed views ({@link #init()}, {@link #status()},
 * {@link #apiRetry()}, {@link #taskStarted()}, {@link #taskUpdated()},
 * {@link #taskNotification()}, {@link #permissionDenied()}, {@link #compactBoundary()}).
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
	 * The {@code permission_denied} message of a tool call the CLI refused without asking, if
	 * this is one.
	 * @return the denial
	 */
	public Optional<PermissionDenied> permissionDenied() {
		if (!"permission_denied".equals(this.subtype)) {
			return Optional.empty();
		}
		return Optional.of(new PermissionDenied(field("tool_name"), field("tool_use_id"), field("agent_id"),
				field("decision_reason_type"), field("decision_reason"), field("message")));
	}

	/**
	 * The {@code compact_boundary} message that marks a compaction of the conversation, if
	 * this is one.
	 * @return the compaction
	 */
	public Optional<CompactBoundary> compactBoundary() {
		if (!"compact_boundary".equals(this.subtype)) {
			return Optional.empty();
		}
		JsonNode metadata = this.raw.path("compact_metadata");
		return Optional.of(new CompactBoundary(Json.text(metadata, "trigger"), Json.longOrNull(metadata, "pre_tokens"),
				Json.longOrNull(metadata, "post_tokens")));
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

	/**
	 * A tool call the CLI refused without asking ({@code system/permission_denied}): a deny
	 * rule, the permission mode, or no way to ask. The result's {@code permission_denials}
	 * remain the complete list.
	 * @param toolName the tool name
	 * @param toolUseId the id of the refused tool call
	 * @param agentId the subagent that made the call, {@code null} for the top-level agent
	 * @param decisionReasonType what decided, e.g. {@code rule} or {@code mode}, may be
	 * {@code null}
	 * @param decisionReason the reason the deciding component gave, may be {@code null}
	 * @param message the rejection message returned to the model, may be {@code null}
	 */
	public record PermissionDenied(String toolName, String toolUseId, String agentId, String decisionReasonType,
			String decisionReason, String message) {

		/**
		 * Why the call was refused: the deciding component's reason, else the message returned
		 * to the model.
		 * @return the reason, may be {@code null}
		 */
		public String reason() {
			return (this.decisionReason != null && !this.decisionReason.isBlank()) ? this.decisionReason
					: this.message;
		}

	}

	/**
	 * A compaction of the conversation ({@code system/compact_boundary}): the messages before
	 * it were replaced by a summary.
	 * @param trigger {@code manual} or {@code auto}, may be {@code null}
	 * @param preTokens the context's tokens before the compaction, may be {@code null}
	 * @param postTokens the context's tokens after it, may be {@code null}
	 */
	public record CompactBoundary(String trigger, Long preTokens, Long postTokens) {
	}

}
