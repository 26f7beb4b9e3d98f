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
	 * A model response that began streaming ({@code message_start}), for
	 * {@link AgentRunEvents#modelResponseStarted}. Built with {@link #of} and the methods that
	 * return a copy with one more value.
	 *
	 * @param parentToolUseId the agent: the id of the tool call that launched the subagent,
	 * {@code null} for the top-level agent
	 * @param messageId the response id
	 * @param model the model, may be {@code null}
	 * @param usage the usage snapshot (input side), may be {@code null}
	 */
	record ModelResponseStart(String parentToolUseId, String messageId, String model, TokenUsage usage) {

		/**
		 * The start of a response of the top-level agent, without usage.
		 * @param messageId the response id
		 * @param model the model, may be {@code null}
		 * @return the start
		 */
		public static ModelResponseStart of(String messageId, String model) {
			return new ModelResponseStart(null, messageId, model, null);
		}

		/**
		 * This start with the given usage snapshot.
		 * @param usage the usage (input side), may be {@code null}
		 * @return a copy
		 */
		public ModelResponseStart usage(TokenUsage usage) {
			return new ModelResponseStart(this.parentToolUseId, this.messageId, this.model, usage);
		}

		/**
		 * This start in the given agent.
		 * @param parentToolUseId the {@code parent_tool_use_id} of the subagent, {@code null}
		 * for the top-level agent
		 * @return a copy
		 */
		public ModelResponseStart parentToolUseId(String parentToolUseId) {
			return new ModelResponseStart(parentToolUseId, this.messageId, this.model, this.usage);
		}

	}

	/**
	 * A piece of a model response (text, thinking or tool calls), for
	 * {@link AgentRunEvents#modelOutput}. Built with {@link #of} and the methods that return a
	 * copy with one more value; what an SDK drops stays {@code null}.
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

		/**
		 * This output in the given agent.
		 * @param parentToolUseId the {@code parent_tool_use_id} of the subagent, {@code null}
		 * for the top-level agent
		 * @return a copy
		 */
		public ModelOutput parentToolUseId(String parentToolUseId) {
			return new ModelOutput(parentToolUseId, this.agentId, this.messageId, this.model, this.usage, this.parts,
					this.stopReason);
		}

		/**
		 * This output of the given subagent.
		 * @param agentId the subagent id, may be {@code null}
		 * @return a copy
		 */
		public ModelOutput agentId(String agentId) {
			return new ModelOutput(this.parentToolUseId, agentId, this.messageId, this.model, this.usage, this.parts,
					this.stopReason);
		}

		/**
		 * This output of the given response.
		 * @param messageId the response id, may be {@code null}
		 * @return a copy
		 */
		public ModelOutput messageId(String messageId) {
			return new ModelOutput(this.parentToolUseId, this.agentId, messageId, this.model, this.usage, this.parts,
					this.stopReason);
		}

		/**
		 * This output by the given model.
		 * @param model the model, may be {@code null}
		 * @return a copy
		 */
		public ModelOutput model(String model) {
			return new ModelOutput(this.parentToolUseId, this.agentId, this.messageId, model, this.usage, this.parts,
					this.stopReason);
		}

		/**
		 * This output with the given usage.
		 * @param usage the usage, may be {@code null}
		 * @return a copy
		 */
		public ModelOutput usage(TokenUsage usage) {
			return new ModelOutput(this.parentToolUseId, this.agentId, this.messageId, this.model, usage, this.parts,
					this.stopReason);
		}

		/**
		 * This output as a complete response that ended for the given reason.
		 * @param stopReason the stop reason, may be {@code null}
		 * @return a copy
		 */
		public ModelOutput stopReason(String stopReason) {
			return new ModelOutput(this.parentToolUseId, this.agentId, this.messageId, this.model, this.usage, this.parts,
					stopReason);
		}

	}

	/**
	 * A model response that ended with its final numbers ({@code message_delta}), for
	 * {@link AgentRunEvents#modelResponseFinished}. Built with {@link #of} and the methods that
	 * return a copy with one more value.
	 *
	 * @param parentToolUseId the agent: the id of the tool call that launched the subagent,
	 * {@code null} for the top-level agent
	 * @param messageId the response id, or {@code null} for the agent's current response
	 * @param stopReason the final stop reason, may be {@code null}
	 * @param usage the final usage, whose output tokens are the true count, may be {@code null}
	 */
	record ModelResponseEnd(String parentToolUseId, String messageId, String stopReason, TokenUsage usage) {

		/**
		 * The end of a response of the top-level agent, without usage.
		 * @param messageId the response id, or {@code null} for the agent's current response
		 * @param stopReason the final stop reason, may be {@code null}
		 * @return the end
		 */
		public static ModelResponseEnd of(String messageId, String stopReason) {
			return new ModelResponseEnd(null, messageId, stopReason, null);
		}

		/**
		 * This end with the given final usage.
		 * @param usage the final usage, may be {@code null}
		 * @return a copy
		 */
		public ModelResponseEnd usage(TokenUsage usage) {
			return new ModelResponseEnd(this.parentToolUseId, this.messageId, this.stopReason, usage);
		}

		/**
		 * This end in the given agent.
		 * @param parentToolUseId the {@code parent_tool_use_id} of the subagent, {@code null}
		 * for the top-level agent
		 * @return a copy
		 */
		public ModelResponseEnd parentToolUseId(String parentToolUseId) {
			return new ModelResponseEnd(parentToolUseId, this.messageId, this.stopReason, this.usage);
		}

	}

	/**
	 * A tool call the model asked for, for {@link AgentRunEvents#toolCallStarted}. Built with
	 * {@link #of} and the methods that return a copy with one more value.
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

		/**
		 * A call of the top-level agent, without arguments.
		 * @param toolUseId the tool call id
		 * @param toolName the tool name, may be {@code null}
		 * @return the call
		 */
		public static ToolCallStart of(String toolUseId, String toolName) {
			return new ToolCallStart(null, toolUseId, toolName, null, null);
		}

		/**
		 * This call with the given arguments.
		 * @param arguments the arguments as JSON text, may be {@code null}
		 * @return a copy
		 */
		public ToolCallStart arguments(String arguments) {
			return new ToolCallStart(this.parentToolUseId, this.toolUseId, this.toolName, arguments, this.subagentType);
		}

		/**
		 * This call as the launch of a subagent of the given type.
		 * @param subagentType the subagent type the call asks for, may be {@code null}
		 * @return a copy
		 */
		public ToolCallStart subagentType(String subagentType) {
			return new ToolCallStart(this.parentToolUseId, this.toolUseId, this.toolName, this.arguments, subagentType);
		}

		/**
		 * This call made by the given agent.
		 * @param parentToolUseId the {@code parent_tool_use_id} of the subagent, {@code null}
		 * for the top-level agent
		 * @return a copy
		 */
		public ToolCallStart parentToolUseId(String parentToolUseId) {
			return new ToolCallStart(parentToolUseId, this.toolUseId, this.toolName, this.arguments, this.subagentType);
		}

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

		/**
		 * The result of a call of the top-level agent.
		 * @param toolUseId the tool call id
		 * @param isError whether the tool failed
		 * @param result the result text, may be {@code null}
		 * @return the end of the call
		 */
		public static ToolCallEnd of(String toolUseId, boolean isError, String result) {
			return new ToolCallEnd(null, toolUseId, isError, result);
		}

		/**
		 * This result going back to the given agent.
		 * @param parentToolUseId the {@code parent_tool_use_id} of the subagent, {@code null}
		 * for the top-level agent
		 * @return a copy
		 */
		public ToolCallEnd parentToolUseId(String parentToolUseId) {
			return new ToolCallEnd(parentToolUseId, this.toolUseId, this.isError, this.result);
		}

	}

	/**
	 * A subagent that started for an {@code Agent} tool call, for
	 * {@link AgentRunEvents#subagentStarted}. Built with {@link #of} and the methods that return
	 * a copy with one more value.
	 *
	 * @param parentToolUseId the id of the tool call that launched it
	 * @param agentId the subagent id, may be {@code null}
	 * @param subagentType the subagent type, used as its agent name, may be {@code null}
	 * @param prompt the subagent's task, may be {@code null}
	 */
	record SubagentStart(String parentToolUseId, String agentId, String subagentType, String prompt) {

		/**
		 * The subagent of a tool call, with nothing else known.
		 * @param parentToolUseId the id of the tool call that launched it
		 * @return the start
		 */
		public static SubagentStart of(String parentToolUseId) {
			return new SubagentStart(parentToolUseId, null, null, null);
		}

		/**
		 * This start with the subagent's id.
		 * @param agentId the subagent id, may be {@code null}
		 * @return a copy
		 */
		public SubagentStart agentId(String agentId) {
			return new SubagentStart(this.parentToolUseId, agentId, this.subagentType, this.prompt);
		}

		/**
		 * This start with the subagent's type.
		 * @param subagentType the subagent type, may be {@code null}
		 * @return a copy
		 */
		public SubagentStart subagentType(String subagentType) {
			return new SubagentStart(this.parentToolUseId, this.agentId, subagentType, this.prompt);
		}

		/**
		 * This start with the subagent's task.
		 * @param prompt the task, may be {@code null}
		 * @return a copy
		 */
		public SubagentStart prompt(String prompt) {
			return new SubagentStart(this.parentToolUseId, this.agentId, this.subagentType, prompt);
		}

	}

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
	record TaskStart(String toolUseId, String taskId, String taskType, boolean backgrounded, String subagentType,
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

}
