package io.agentobs.claudecode.instrumentation;

import java.util.List;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentRunControl;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.TokenUsage;
import io.micrometer.observation.Observation;

/**
 * Turns the neutral events of one agent turn into {@code invoke_agent}, {@code chat} and
 * {@code execute_tool} observations. Adapters for each agent SDK call it; it keeps the tree
 * right: chats and tools are children of their agent, a subagent is a child of the tool call
 * that launched it ({@code parent_tool_use_id}), and every observation stops exactly once.
 * Parents are set explicitly, so messages may be consumed on any thread.
 * <p>
 * A scope is identified by the {@code parent_tool_use_id} of its messages; {@code null} is
 * the top-level agent. The agents live in an {@link AgentScopeTree}, the model calls in
 * {@link ModelCalls}, the tool calls in {@link ToolCalls}; this class routes the events and
 * ends things in order: model call, subagents, tools, then the agent.
 */
public final class AgentRunRecorder {

	private static final String LOCAL_AGENT = "local_agent";

	private final AgentObservationFactory observations;

	private final TurnResults results;

	private final AgentScopeTree scopes;

	private final AgentScope root;

	private final ModelCalls modelCalls;

	private final ToolCalls tools;

	private boolean started;

	private boolean finished;

	private boolean interruptRequested;

	/**
	 * Creates a recorder for one turn.
	 * @param observations creates the observations
	 * @param context the context of the turn's {@code invoke_agent} observation
	 * @param sessionCost the cost state of the session the turn belongs to
	 */
	public AgentRunRecorder(AgentObservationFactory observations, AgentInvocationObservationContext context,
			SessionCost sessionCost) {
		this.observations = observations;
		this.results = new TurnResults(sessionCost);
		this.modelCalls = new ModelCalls(observations, context);
		this.tools = new ToolCalls(observations);
		this.scopes = new AgentScopeTree(observations, context, this.modelCalls, this.tools);
		this.root = this.scopes.root();
	}

	/**
	 * Starts the turn's {@code invoke_agent} observation as a child of the given parent.
	 * @param parent the parent observation, or {@code null} for none
	 * @return the started observation
	 */
	public synchronized Observation start(Observation parent) {
		if (!this.started) {
			this.started = true;
			this.root.observation = this.observations.startAgent(this.root.context, parent);
		}
		return this.root.observation;
	}

	/**
	 * The turn's {@code invoke_agent} observation.
	 * @return the observation, {@code null} before {@link #start}
	 */
	public synchronized Observation agentObservation() {
		return this.root.observation;
	}

	/**
	 * Whether the turn has ended.
	 * @return {@code true} once the turn's observation is stopped
	 */
	public synchronized boolean isFinished() {
		return this.finished;
	}

	/**
	 * The agent session started or a new turn began ({@code system/init}).
	 * @param sessionId the session id
	 * @param model the main model
	 * @param tools the available tool names
	 */
	public synchronized void sessionStarted(String sessionId, String model, List<String> tools) {
		if (this.finished) {
			return;
		}
		this.results.backgroundTasks().turnStarted();
		AgentInvocationObservationContext context = this.root.context;
		if (context.getConversationId() == null) {
			context.setConversationId(sessionId);
		}
		if (context.getRequestModel() == null) {
			context.setRequestModel(model);
		}
		if (context.getAvailableTools() == null || context.getAvailableTools().isEmpty()) {
			context.setAvailableTools(tools);
		}
	}

	/**
	 * A subagent started for the given {@code Agent} tool call.
	 * @param parentToolUseId the id of the tool call that launched it
	 * @param agentId the subagent id, may be {@code null}
	 * @param subagentType the subagent type, used as its agent name, may be {@code null}
	 * @param prompt the subagent's task, may be {@code null}
	 */
	public synchronized void subagentStarted(String parentToolUseId, String agentId, String subagentType,
			String prompt) {
		AgentScope scope = scope(parentToolUseId, agentId, subagentType);
		if (scope != null && prompt != null && scope.context.getPrompt() == null) {
			scope.context.setPrompt(prompt);
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
	public synchronized void taskStarted(String toolUseId, String taskId, String taskType, boolean backgrounded,
			String subagentType, String prompt) {
		if (this.finished) {
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

	/**
	 * A running task was moved to the background ({@code task_updated} with
	 * {@code is_backgrounded}).
	 * @param taskId the task id
	 */
	public synchronized void taskBackgrounded(String taskId) {
		if (!this.finished) {
			this.results.backgroundTasks().started(taskId);
		}
	}

	/**
	 * A task ended ({@code system/task_notification}).
	 * @param toolUseId the id of the tool call the task belongs to, may be {@code null}
	 * @param taskId the task id
	 * @param errorType an error type if it failed, else {@code null}
	 */
	public synchronized void taskFinished(String toolUseId, String taskId, String errorType) {
		this.results.backgroundTasks().ended(taskId);
		subagentFinished(toolUseId, errorType);
	}

	/**
	 * A subagent ended.
	 * @param parentToolUseId the id of the tool call that launched it
	 * @param errorType an error type if it failed, else {@code null}
	 */
	public synchronized void subagentFinished(String parentToolUseId, String errorType) {
		AgentScope scope = (parentToolUseId != null) ? this.scopes.subagent(parentToolUseId) : null;
		if (scope != null && !scope.ended && !this.finished) {
			if (errorType != null) {
				scope.context.setErrorType(errorType);
				InstrumentationFailures.run("recording a failed subagent", () -> scope.observation
					.error(new AgentRunFailedException(errorType, "Subagent failed: " + errorType)));
			}
			this.scopes.end(scope);
		}
	}

	/**
	 * An agent sent a model request ({@code system/status} {@code requesting}): its model call
	 * starts now.
	 * @param parentToolUseId the scope
	 */
	public synchronized void modelRequested(String parentToolUseId) {
		AgentScope scope = scope(parentToolUseId, null, null);
		if (scope != null) {
			this.modelCalls.requested(scope);
		}
	}

	/**
	 * A model request failed and will be retried ({@code system/api_retry}).
	 * @param parentToolUseId the scope
	 * @param errorType the HTTP status, or the error name when there is none
	 */
	public synchronized void modelRequestRetried(String parentToolUseId, String errorType) {
		AgentScope scope = scope(parentToolUseId, null, null);
		if (scope != null) {
			this.modelCalls.retried(scope, (errorType != null) ? errorType : "error");
		}
	}

	/**
	 * The model request in progress failed for good (the CLI's synthetic API-error message).
	 * @param parentToolUseId the scope
	 * @param errorType the HTTP status, or the error name when there is none
	 */
	public synchronized void modelRequestFailed(String parentToolUseId, String errorType) {
		AgentScope scope = scope(parentToolUseId, null, null);
		if (scope != null) {
			this.modelCalls.failed(scope, (errorType != null) ? errorType : "error");
		}
	}

	/**
	 * A streamed model response stopped ({@code message_stop}); without its final numbers
	 * before, the stream was cut by an error.
	 * @param parentToolUseId the scope
	 * @param messageId the response id, may be {@code null}
	 */
	public synchronized void modelResponseStopped(String parentToolUseId, String messageId) {
		AgentScope scope = scope(parentToolUseId, null, null);
		if (scope != null) {
			this.modelCalls.responseStopped(scope, messageId);
		}
	}

	/**
	 * A model response began streaming ({@code message_start}).
	 * @param parentToolUseId the scope
	 * @param messageId the response id
	 * @param model the model
	 * @param usage the usage snapshot (input side)
	 */
	public synchronized void modelCallStarted(String parentToolUseId, String messageId, String model,
			TokenUsage usage) {
		AgentScope scope = scope(parentToolUseId, null, null);
		if (scope != null) {
			this.modelCalls.responseStarted(scope, messageId, model, usage);
		}
	}

	/**
	 * A piece of a model response: text, thinking or tool calls.
	 * @param parentToolUseId the scope
	 * @param agentId the subagent id, may be {@code null}
	 * @param messageId the response id, or {@code null} when the SDK drops it: pieces then belong
	 * to the open response until a tool result ends it
	 * @param model the model, or {@code null} when the SDK drops it
	 * @param usage the usage snapshot (input side)
	 * @param parts the output parts of this piece
	 */
	public synchronized void modelOutput(String parentToolUseId, String agentId, String messageId, String model,
			TokenUsage usage, List<ChatOutputPart> parts) {
		modelOutput(parentToolUseId, agentId, messageId, model, usage, parts, null);
	}

	/**
	 * A piece of a model response, with the stop reason of a complete response.
	 * @param parentToolUseId the scope
	 * @param agentId the subagent id, may be {@code null}
	 * @param messageId the response id, may be {@code null}
	 * @param model the model, may be {@code null}
	 * @param usage the usage: the input side of a snapshot, or final when {@code stopReason} is set
	 * @param parts the output parts of this piece
	 * @param stopReason the stop reason of a response that is not streamed (a retry), else {@code null}
	 */
	public synchronized void modelOutput(String parentToolUseId, String agentId, String messageId, String model,
			TokenUsage usage, List<ChatOutputPart> parts, String stopReason) {
		AgentScope scope = scope(parentToolUseId, agentId, null);
		if (scope == null) {
			return;
		}
		if (agentId != null && !scope.isRoot() && scope.context.getAgentId() == null) {
			scope.context.setAgentId(agentId);
		}
		this.modelCalls.output(scope, messageId, model, usage, parts, stopReason);
	}

	/**
	 * A model response ended with its final numbers ({@code message_delta}).
	 * @param parentToolUseId the scope
	 * @param messageId the response id, or {@code null} for the current response of the scope
	 * @param stopReason the final stop reason
	 * @param usage the final usage; its output tokens are the true count
	 */
	public synchronized void modelCallFinished(String parentToolUseId, String messageId, String stopReason,
			TokenUsage usage) {
		AgentScope scope = scope(parentToolUseId, null, null);
		if (scope != null) {
			this.modelCalls.responseFinished(scope, messageId, stopReason, usage);
		}
	}

	/**
	 * The model asked for a tool call.
	 * @param parentToolUseId the scope
	 * @param toolUseId the tool call id
	 * @param toolName the tool name
	 * @param arguments the arguments as JSON text
	 */
	public synchronized void toolCallStarted(String parentToolUseId, String toolUseId, String toolName,
			String arguments) {
		AgentScope scope = scope(parentToolUseId, null, null);
		if (scope == null || toolUseId == null || this.tools.get(toolUseId) != null) {
			return;
		}
		this.modelCalls.toolRequested(scope);
		this.tools.start(scope, this.root.context.getConversationId(), toolUseId, toolName, arguments);
	}

	/**
	 * A tool call ended.
	 * @param parentToolUseId the scope of the message that carried the result
	 * @param toolUseId the tool call id
	 * @param isError whether the tool failed
	 * @param result the result text
	 */
	public synchronized void toolCallFinished(String parentToolUseId, String toolUseId, boolean isError,
			String result) {
		AgentScope scope = scope(parentToolUseId, null, null);
		if (scope != null) {
			this.modelCalls.toolResultReceived(scope);
		}
		if (this.tools.get(toolUseId) == null) {
			return;
		}
		AgentScope subagent = this.scopes.subagent(toolUseId);
		if (subagent != null && !subagent.ended && subagent.backgrounded) {
			this.tools.finishWithSubagent(toolUseId, isError, result);
			return;
		}
		if (subagent != null && !subagent.ended) {
			this.scopes.end(subagent);
		}
		this.tools.finish(toolUseId, isError, result);
	}

	/**
	 * The turn ended with a result.
	 * @param result the result
	 */
	public synchronized void finished(AgentRunResult turnResult) {
		if (this.finished) {
			return;
		}
		AgentRunResult result = this.results.complete(turnResult);
		if (result == null) {
			// Background tasks go on: the CLI writes another result when they are done
			return;
		}
		this.results.record(this.root.context, result);
		if (this.interruptRequested) {
			this.root.context.setErrorType(AgentRunControl.INTERRUPTED);
			error(interruption());
		}
		else if (result.errorType() != null) {
			error(new AgentRunFailedException(result.errorType(), result.failureMessage()));
		}
		finish();
	}

	/**
	 * The turn failed with an exception: the client threw or the agent process died.
	 * @param error the failure
	 */
	public synchronized void failed(Throwable error) {
		if (this.finished) {
			return;
		}
		if (this.interruptRequested && !(error instanceof AgentRunFailedException failure
				&& AgentRunControl.INTERRUPTED.equals(failure.getErrorType()))) {
			error = interruption();
		}
		this.root.context.setErrorType((error instanceof AgentRunFailedException failure) ? failure.getErrorType()
				: error.getClass().getSimpleName());
		error(error);
		finish();
	}

	private void error(Throwable error) {
		Observation observation = this.root.observation;
		if (observation != null) {
			InstrumentationFailures.run("recording a failed agent run", () -> observation.error(error));
		}
	}

	/**
	 * The consumer stopped before the turn ended (closed or abandoned the run).
	 */
	public synchronized void abandoned() {
		if (this.interruptRequested) {
			failed(interruption());
		}
		else if (!this.finished) {
			finish();
		}
	}

	/**
	 * Someone asked to stop the turn: however it ends from now on, it ends with
	 * {@code error.type=interrupted}.
	 */
	public synchronized void interruptRequested() {
		this.interruptRequested = true;
	}

	private static AgentRunFailedException interruption() {
		return new AgentRunFailedException(AgentRunControl.INTERRUPTED, "The agent run was interrupted on request");
	}

	private void finish() {
		this.finished = true;
		if (this.root.observation != null) {
			this.scopes.end(this.root);
		}
		this.scopes.clear();
		this.tools.clear();
	}

	private AgentScope scope(String parentToolUseId, String agentId, String subagentType) {
		if (this.finished || this.root.observation == null) {
			return null;
		}
		return this.scopes.resolve(parentToolUseId, agentId, subagentType);
	}

}
