package io.agentobs.claudecode.run;

import io.agentobs.claudecode.micrometer.AgentObservationFactory;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;

import java.util.List;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentRunControl;
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
 * {@link ModelCalls}, the tool calls in {@link ToolCalls}. Model-call events arrive through
 * {@link #model()}, subagent and task events through {@link #tasks()}; this class takes the
 * tool calls and the turn's end, and ends things in order: model call, subagents, tools, then
 * the agent. All events of a turn are serialized on its recorder.
 */
public final class AgentRunRecorder {

	private final AgentObservationFactory observations;

	private final TurnResults results;

	private final AgentScopeTree scopes;

	private final AgentScope root;

	private final ModelCalls modelCalls;

	private final ToolCalls tools;

	private boolean started;

	private boolean finished;

	private boolean interruptRequested;

	private final ModelCallEvents modelCallEvents;

	private final SubagentTaskEvents subagentTaskEvents;

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
		this.modelCalls = new ModelCalls(observations, context, this);
		this.tools = new ToolCalls(observations);
		this.scopes = new AgentScopeTree(observations, context, this.modelCalls, this.tools);
		this.root = this.scopes.root();
		this.modelCallEvents = new ModelCallEvents(this, this.modelCalls);
		this.subagentTaskEvents = new SubagentTaskEvents(this, this.scopes, this.results);
	}

	/**
	 * The turn's model-call events: requests, retries, streamed responses and their ends.
	 * @return the model-call events
	 */
	public ModelCallEvents model() {
		return this.modelCallEvents;
	}

	/**
	 * The turn's subagent and task events.
	 * @return the subagent and task events
	 */
	public SubagentTaskEvents tasks() {
		return this.subagentTaskEvents;
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

	AgentScope scope(String parentToolUseId, String agentId, String subagentType) {
		if (this.finished || this.root.observation == null) {
			return null;
		}
		return this.scopes.resolve(parentToolUseId, agentId, subagentType);
	}

}
