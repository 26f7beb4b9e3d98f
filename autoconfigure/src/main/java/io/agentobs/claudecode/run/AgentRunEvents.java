package io.agentobs.claudecode.run;

import java.util.List;

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

}
