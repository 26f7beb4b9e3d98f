package io.agentobs.claudecode.instrumentation;

import java.util.List;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
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

	private final AgentObservationFactory observations;

	private final SessionCost sessionCost;

	private final AgentScopeTree scopes;

	private final AgentScope root;

	private final ModelCalls modelCalls;

	private final ToolCalls tools;

	private boolean started;

	private boolean finished;

	/**
	 * Creates a recorder for one turn.
	 * @param observations creates the observations
	 * @param context the context of the turn's {@code invoke_agent} observation
	 * @param sessionCost the cost state of the session the turn belongs to
	 */
	public AgentRunRecorder(AgentObservationFactory observations, AgentInvocationObservationContext context,
			SessionCost sessionCost) {
		this.observations = observations;
		this.sessionCost = sessionCost;
		this.scopes = new AgentScopeTree(observations, context);
		this.root = this.scopes.root();
		this.modelCalls = new ModelCalls(observations, context);
		this.tools = new ToolCalls(observations);
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
	 * A subagent ended.
	 * @param parentToolUseId the id of the tool call that launched it
	 * @param errorType an error type if it failed, else {@code null}
	 */
	public synchronized void subagentFinished(String parentToolUseId, String errorType) {
		AgentScope scope = (parentToolUseId != null) ? this.scopes.subagent(parentToolUseId) : null;
		if (scope != null && !scope.ended) {
			if (errorType != null) {
				scope.context.setErrorType(errorType);
				scope.observation.error(new AgentRunFailedException(errorType, "Subagent failed: " + errorType));
			}
			endScope(scope);
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
		AgentScope scope = scope(parentToolUseId, agentId, null);
		if (scope == null) {
			return;
		}
		if (agentId != null && !scope.isRoot() && scope.context.getAgentId() == null) {
			scope.context.setAgentId(agentId);
		}
		this.modelCalls.output(scope, messageId, model, usage, parts);
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
		if (subagent != null && !subagent.ended) {
			endScope(subagent);
		}
		this.tools.finish(toolUseId, isError, result);
	}

	/**
	 * The turn ended with a result.
	 * @param result the result
	 */
	public synchronized void finished(AgentRunResult result) {
		if (this.finished) {
			return;
		}
		AgentInvocationObservationContext context = this.root.context;
		context.setNumTurns(result.numTurns());
		context.setDurationApiMs(result.durationApiMs());
		context.setResultSubtype(result.subtype());
		context.setTerminalReason(result.terminalReason());
		context.setPermissionDenials(result.permissionDenials());
		context.setCostUsd(this.sessionCost.turnCost(result.sessionCostUsd()));
		context.setTotalUsage(result.usage());
		context.setOutputText(result.resultText());
		String errorType = result.errorType();
		if (errorType != null) {
			context.setErrorType(errorType);
			this.root.observation.error(new AgentRunFailedException(errorType, result.failureMessage()));
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
		this.root.context.setErrorType((error instanceof AgentRunFailedException failure) ? failure.getErrorType()
				: error.getClass().getSimpleName());
		this.root.observation.error(error);
		finish();
	}

	/**
	 * The consumer stopped before the turn ended (closed or abandoned the run).
	 */
	public synchronized void abandoned() {
		if (!this.finished) {
			finish();
		}
	}

	private void finish() {
		this.finished = true;
		if (this.root.observation != null) {
			endScope(this.root);
		}
		this.scopes.clear();
		this.tools.clear();
	}

	private AgentScope scope(String parentToolUseId, String agentId, String subagentType) {
		if (this.finished || this.root.observation == null) {
			return null;
		}
		if (parentToolUseId == null) {
			return this.root;
		}
		AgentScope scope = this.scopes.subagent(parentToolUseId);
		if (scope != null) {
			return scope.ended ? null : scope;
		}
		return this.scopes.open(parentToolUseId, agentId, subagentType, this.tools.get(parentToolUseId));
	}

	/**
	 * Ends an agent and everything in it: its model call, its subagents, its tool calls.
	 */
	private void endScope(AgentScope scope) {
		this.modelCalls.end(scope);
		for (AgentScope child : this.scopes.openChildren(scope)) {
			endScope(child);
		}
		this.tools.endAll(scope);
		scope.ended = true;
		Observations.stop(scope.observation);
	}

}
