package io.agentobs.claudecode.run;

import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.TokenUsage;

/**
 * The events of one agent turn, as any agent SDK reports them: what a message adapter tells
 * the run model. The agent an event belongs to is named by {@code parentToolUseId}: the id of
 * the tool call that launched the subagent, {@code null} for the top-level agent. Events may
 * come from any thread; events after the turn's end are ignored. Events with more than a few
 * values take a small parameter object ({@link ModelOutput}, {@link ToolCallStart}, ...).
 *
 * @see AgentRunRecorder
 */
public interface AgentRunEvents {

	/**
	 * The agent session started or a new turn began ({@code system/init}).
	 * @param sessionId the session id
	 * @param model the main model
	 * @param tools the available tool names
	 */
	void sessionStarted(String sessionId, String model, List<String> tools);

	/**
	 * An agent sent a model request ({@code system/status} {@code requesting}): its model call
	 * starts now.
	 * @param parentToolUseId the agent
	 */
	void modelRequested(String parentToolUseId);

	/**
	 * A model request failed and will be retried ({@code system/api_retry}).
	 * @param parentToolUseId the agent
	 * @param errorType the HTTP status, or the error name when there is none
	 * @param retryDelayMillis the back-off before the request is sent again, {@code 0} when
	 * not known
	 */
	void modelRequestRetried(String parentToolUseId, String errorType, long retryDelayMillis);

	/**
	 * The model request in progress failed for good (the CLI's synthetic API-error message).
	 * @param parentToolUseId the agent
	 * @param errorType the HTTP status, or the error name when there is none
	 */
	void modelRequestFailed(String parentToolUseId, String errorType);

	/**
	 * A model response began streaming ({@code message_start}).
	 * @param start the response's id, model and usage snapshot
	 */
	void modelResponseStarted(ModelResponseStart start);

	/**
	 * A piece of a model response: text, thinking or tool calls.
	 * @param output the piece
	 */
	void modelOutput(ModelOutput output);

	/**
	 * A model response ended with its final numbers ({@code message_delta}).
	 * @param end the response's stop reason and final usage
	 */
	void modelResponseFinished(ModelResponseEnd end);

	/**
	 * A streamed model response stopped ({@code message_stop}); without its final numbers
	 * before, the stream was cut by an error.
	 * @param parentToolUseId the agent
	 * @param messageId the response id, may be {@code null}
	 */
	void modelResponseStopped(String parentToolUseId, String messageId);

	/**
	 * The model asked for a tool call.
	 * @param call the call
	 */
	void toolCallStarted(ToolCallStart call);

	/**
	 * A tool call ended with its result.
	 * @param end the result
	 */
	void toolCallFinished(ToolCallEnd end);

	/**
	 * The application began running a tool call itself (a Java tool of an in-process MCP
	 * server): the call's {@code execute_tool} span ends with
	 * {@link #toolExecutionFinished}, not with the tool result the agent reports later.
	 * @param toolUseId the tool call id
	 * @param toolName the tool name as the model knows it ({@code mcp__<server>__<tool>})
	 */
	void toolExecutionStarted(String toolUseId, String toolName);

	/**
	 * The application finished running a tool call itself.
	 * @param toolUseId the tool call id
	 * @param result the result text, {@code null} when the tool failed
	 * @param error what the tool threw, {@code null} when it succeeded
	 */
	void toolExecutionFinished(String toolUseId, String result, Throwable error);

	/**
	 * A subagent started for an {@code Agent} tool call.
	 * @param subagent the subagent
	 */
	void subagentStarted(SubagentStart subagent);

	/**
	 * A subagent ended.
	 * @param parentToolUseId the id of the tool call that launched it
	 * @param errorType an error type if it failed, else {@code null}
	 */
	void subagentFinished(String parentToolUseId, String errorType);

	/**
	 * The CLI started a task ({@code system/task_started}). Only {@code local_agent} tasks (or
	 * tasks of unknown type) are subagents; a shell command moved to a task stays a tool call.
	 * @param task the task
	 */
	void taskStarted(TaskStart task);

	/**
	 * A running task was moved to the background ({@code task_updated} with
	 * {@code is_backgrounded}).
	 * @param taskId the task id
	 */
	void taskBackgrounded(String taskId);

	/**
	 * A task ended ({@code system/task_notification}).
	 * @param toolUseId the id of the tool call the task belongs to, may be {@code null}
	 * @param taskId the task id
	 * @param errorType an error type if it failed, else {@code null}
	 */
	void taskFinished(String toolUseId, String taskId, String errorType);

	/**
	 * The CLI wrote a result. It ends the turn unless background tasks go on, in which case
	 * the CLI writes another one when they are done.
	 * @param result the result
	 */
	void finished(AgentRunResult result);

	/**
	 * The turn failed with an exception: the client threw or the agent process died.
	 * @param error the failure
	 */
	void failed(Throwable error);

	/**
	 * The consumer stopped before the turn ended (closed or abandoned the run).
	 */
	void abandoned();

	/**
	 * Someone asked to stop the turn: however it ends from now on, it ends with
	 * {@code error.type=interrupted}.
	 */
	void interruptRequested();

	/**
	 * A tool call was decided by the application (a permission handler, a rule, a hook) or
	 * the CLI. Recorded on the call's {@code execute_tool} span.
	 * @param decision the decision
	 */
	void permissionDecided(PermissionDecided decision);

	/**
	 * A hook of the application was called back. Recorded on the span of its tool call, or of
	 * the agent for events without a tool call.
	 * @param hook the callback
	 */
	void hookCalled(HookCalled hook);

	/**
	 * The CLI reported a tool call's own execution (a {@code PostToolUse} or
	 * {@code PostToolUseFailure} hook of the instrumentation). Recorded on the call's span.
	 * @param execution the execution
	 */
	void toolExecuted(ToolExecution execution);

	/**
	 * The CLI refused a tool call without asking ({@code system/permission_denied}).
	 * @param denial the refused call and why
	 */
	void permissionDenied(PermissionDenial denial);

	/**
	 * The CLI reported a change of its rate limit ({@code rate_limit_event}).
	 * @param rateLimit the reported rate limit
	 */
	void rateLimitReported(RateLimit rateLimit);

	/**
	 * The CLI compacted the conversation ({@code system/compact_boundary}): later model calls
	 * see a summary of the messages before.
	 * @param trigger {@code manual} or {@code auto}, may be {@code null}
	 */
	void conversationCompacted(String trigger);

	/**
	 * The turn returns structured output: the CLI ran with a JSON schema. Told when the
	 * {@code system/init} offers the {@code StructuredOutput} tool, when the model calls it,
	 * or with the result's {@code structured_output}.
	 * @param json the structured output as JSON text, or {@code null} when not known yet
	 */
	void structuredOutputReturned(String json);

	/**
	 * The CLI reported the context window of each model of the session (the result's
	 * {@code modelUsage}); comes before the result it was part of. SDKs that drop it never
	 * call this.
	 * @param contextWindows the context window in tokens, by model
	 */
	default void contextWindowsReported(Map<String, Long> contextWindows) {
	}

	/**
	 * The client starts loading the run's stored session from the session store, before the
	 * CLI resumes it.
	 * @param sessionId the session
	 */
	default void sessionLoadStarted(String sessionId) {
	}

	/**
	 * The load of the run's stored session ended.
	 * @param entries how many transcript entries were loaded
	 * @param bytes the size of their JSON lines
	 * @param failure why it failed, {@code null} when it succeeded
	 */
	default void sessionLoadFinished(long entries, long bytes, Throwable failure) {
	}

	/**
	 * A batch of the session's transcript could not be stored in the session store and was
	 * dropped; the run goes on.
	 * @param error what failed
	 */
	default void sessionStoreFailed(String error) {
	}

	/**
	 * A model response that began streaming ({@code message_start}), for
	 * {@link AgentRunEvents#modelResponseStarted}.
	 *
	 * @param parentToolUseId the agent: the id of the tool call that launched the subagent,
	 * {@code null} for the top-level agent
	 * @param messageId the response id
	 * @param model the model, may be {@code null}
	 * @param usage the usage snapshot (input side), may be {@code null}
	 */
	record ModelResponseStart(String parentToolUseId, String messageId, String model, TokenUsage usage) {
	}

	/**
	 * A piece of a model response (text, thinking or tool calls), for
	 * {@link AgentRunEvents#modelOutput}. What an SDK drops stays {@code null}.
	 *
	 * @param parentToolUseId the agent: the id of the tool call that launched the subagent,
	 * {@code null} for the top-level agent
	 * @param agentId the subagent id, may be {@code null}
	 * @param messageId the response id, or {@code null} when the SDK drops it: pieces then belong
	 * to the open response until a tool result ends it
	 * @param model the model, or {@code null} when the SDK drops it
	 * @param usage the usage: the input side of a snapshot, or final when {@code stopReason} is
	 * set; may be {@code null}
	 * @param parts the output parts of this piece
	 * @param stopReason the stop reason of a response that is not streamed (a retry), else
	 * {@code null}
	 */
	record ModelOutput(String parentToolUseId, String agentId, String messageId, String model, TokenUsage usage,
			List<ChatOutputPart> parts, String stopReason) {

		/**
		 * A piece of a response of the top-level agent, with nothing else known.
		 * @param parts the output parts
		 * @return the output
		 */
		public static ModelOutput of(List<ChatOutputPart> parts) {
			return new ModelOutput(null, null, null, null, null, parts, null);
		}

	}

	/**
	 * A model response that ended with its final numbers ({@code message_delta}), for
	 * {@link AgentRunEvents#modelResponseFinished}.
	 *
	 * @param parentToolUseId the agent: the id of the tool call that launched the subagent,
	 * {@code null} for the top-level agent
	 * @param messageId the response id, or {@code null} for the agent's current response
	 * @param stopReason the final stop reason, may be {@code null}
	 * @param usage the final usage, whose output tokens are the true count, may be {@code null}
	 */
	record ModelResponseEnd(String parentToolUseId, String messageId, String stopReason, TokenUsage usage) {
	}

	/**
	 * A tool call the model asked for, for {@link AgentRunEvents#toolCallStarted}.
	 *
	 * @param parentToolUseId the calling agent: the id of the tool call that launched the
	 * subagent, {@code null} for the top-level agent
	 * @param toolUseId the tool call id
	 * @param toolName the tool name, may be {@code null}
	 * @param arguments the arguments as JSON text, may be {@code null}
	 * @param subagentType the subagent type when the call launches a subagent, else {@code null}
	 */
	record ToolCallStart(String parentToolUseId, String toolUseId, String toolName, String arguments,
			String subagentType) {
	}

	/**
	 * The result of a tool call, for {@link AgentRunEvents#toolCallFinished}.
	 *
	 * @param parentToolUseId the agent the result went back to: the id of the tool call that
	 * launched the subagent, {@code null} for the top-level agent
	 * @param toolUseId the tool call id
	 * @param isError whether the tool failed
	 * @param result the result text, may be {@code null}
	 */
	record ToolCallEnd(String parentToolUseId, String toolUseId, boolean isError, String result) {
	}

	/**
	 * A subagent that started for an {@code Agent} tool call, for
	 * {@link AgentRunEvents#subagentStarted}.
	 *
	 * @param parentToolUseId the id of the tool call that launched it
	 * @param agentId the subagent id, may be {@code null}
	 * @param subagentType the subagent type, used as its agent name, may be {@code null}
	 * @param prompt the subagent's task, may be {@code null}
	 */
	record SubagentStart(String parentToolUseId, String agentId, String subagentType, String prompt) {
	}

	/**
	 * A task the CLI started ({@code system/task_started}), for
	 * {@link AgentRunEvents#taskStarted}: a subagent, or a shell command moved to a task.
	 *
	 * @param toolUseId the id of the tool call the task belongs to, may be {@code null}
	 * @param taskId the task id
	 * @param taskType the task type, e.g. {@code local_agent} or {@code local_bash}, may be
	 * {@code null}
	 * @param backgrounded whether the task runs in the background
	 * @param subagentType the subagent type, may be {@code null}
	 * @param prompt the subagent's task, may be {@code null}
	 */
	record TaskStart(String toolUseId, String taskId, String taskType, boolean backgrounded, String subagentType,
			String prompt) {
	}

	/**
	 * A tool call's own execution as the CLI measured it, for
	 * {@link AgentRunEvents#toolExecuted}.
	 *
	 * @param toolUseId the tool call id
	 * @param durationMillis the tool's run time in milliseconds, may be {@code null}
	 * @param failure why the tool failed, {@code null} when it succeeded
	 */
	record ToolExecution(String toolUseId, Long durationMillis, String failure) {
	}

	/**
	 * A permission decision, for {@link AgentRunEvents#permissionDecided}.
	 *
	 * @param toolUseId the tool call id
	 * @param decision {@code allow}, {@code allow_modified}, {@code deny} or
	 * {@code deny_interrupt}
	 * @param decidedBy {@code handler}, {@code rule}, {@code hook} or {@code cli}
	 * @param waitMillis milliseconds from the request to the decision, may be {@code null}
	 */
	record PermissionDecided(String toolUseId, String decision, String decidedBy, Long waitMillis) {
	}

	/**
	 * A hook callback, for {@link AgentRunEvents#hookCalled}.
	 *
	 * @param toolUseId the tool call the hook was called for, may be {@code null}
	 * @param event the hook event, e.g. {@code PreToolUse}
	 * @param outcome {@code block}, {@code modify}, {@code add_context}, {@code proceed}, or
	 * {@code error} when the hook failed or timed out
	 * @param durationMillis how long the hook took
	 */
	record HookCalled(String toolUseId, String event, String outcome, long durationMillis) {
	}

	/**
	 * A tool call the CLI refused without asking, for {@link AgentRunEvents#permissionDenied}.
	 *
	 * @param toolUseId the id of the refused call
	 * @param toolName the tool name, may be {@code null}
	 * @param reasonType what refused it, for example {@code rule} or {@code mode}, may be
	 * {@code null}
	 * @param reason why, may be {@code null}
	 */
	record PermissionDenial(String toolUseId, String toolName, String reasonType, String reason) {
	}

	/**
	 * A rate limit the CLI reported, for {@link AgentRunEvents#rateLimitReported}.
	 *
	 * @param status {@code allowed}, {@code allowed_warning} or {@code rejected}, may be
	 * {@code null}
	 * @param rateLimitType the limit, for example {@code five_hour}, may be {@code null}
	 * @param utilization how much of the limit is used, may be {@code null}
	 */
	record RateLimit(String status, String rateLimitType, Double utilization) {
	}

}
