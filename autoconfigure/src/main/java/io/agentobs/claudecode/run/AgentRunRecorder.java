package io.agentobs.claudecode.run;

import java.util.List;

import io.agentobs.claudecode.micrometer.AgentObservationFactory;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentRunControl;
import io.agentobs.claudecode.observation.AgentRunFailedException;
import io.agentobs.claudecode.run.AgentRunEvents.ModelOutput;
import io.agentobs.claudecode.run.AgentRunEvents.ModelResponseEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ModelResponseStart;
import io.agentobs.claudecode.run.AgentRunEvents.SubagentStart;
import io.agentobs.claudecode.run.AgentRunEvents.TaskStart;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallStart;
import io.micrometer.observation.Observation;

/**
 * Turns the {@link AgentRunEvents} of one agent turn into {@code invoke_agent}, {@code chat}
 * and {@code execute_tool} observations. Adapters for each agent SDK send it the events; it
 * keeps the tree right: chats and tools are children of their agent, a subagent is a child
 * of the tool call that launched it ({@code parent_tool_use_id}), and every observation stops
 * exactly once. Parents are set explicitly, so messages may be consumed on any thread.
 * <p>
 * The agents live in an {@link AgentTree}, found for each event in one place
 * ({@link #agent}); the model calls are in {@link ModelCalls}, the tool calls in
 * {@link ToolCalls}, the results in {@link TurnResults}. Things end in order: model call,
 * subagents, tools, then the agent. All events of a turn are serialized on this recorder's
 * lock, which a retried call's delayed start also takes.
 */
public final class AgentRunRecorder implements AgentRunEvents {

	private static final String LOCAL_AGENT = "local_agent";

	private final AgentObservationFactory observations;

	private final TurnResults results;

	private final AgentTree agents;

	private final AgentNode root;

	private final ModelCalls modelCalls;

	private final ToolCalls tools;

	private boolean started;

	private boolean finished;

	private boolean interruptRequested;

	/** The name of the event on the {@code invoke_agent} span when transcript entries could not be stored. */
	public static final String SESSION_STORE_FAILURE = "claude_code.session_store.failure";

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
		this.agents = new AgentTree(observations, context, this.modelCalls, this.tools);
		this.root = this.agents.root();
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
	 * The context of the turn's {@code invoke_agent} observation, to describe the run before
	 * it starts.
	 * @return the context
	 */
	public AgentInvocationObservationContext agentContext() {
		return this.root.context;
	}

	/**
	 * Whether the turn has ended.
	 * @return {@code true} once the turn's observation is stopped
	 */
	public synchronized boolean isFinished() {
		return this.finished;
	}

	@Override
	public synchronized void sessionStarted(String sessionId, String model, List<String> tools) {
		if (this.finished) {
			return;
		}
		this.results.turnEnd().turnStarted();
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

	@Override
	public synchronized void modelRequested(String parentToolUseId) {
		AgentNode agent = agent(parentToolUseId, null, null);
		if (agent != null) {
			this.modelCalls.requested(agent);
		}
	}

	@Override
	public synchronized void modelRequestRetried(String parentToolUseId, String errorType, long retryDelayMillis) {
		AgentNode agent = agent(parentToolUseId, null, null);
		if (agent != null) {
			this.modelCalls.retried(agent, (errorType != null) ? errorType : "error", retryDelayMillis);
		}
	}

	@Override
	public synchronized void modelRequestFailed(String parentToolUseId, String errorType) {
		AgentNode agent = agent(parentToolUseId, null, null);
		if (agent != null) {
			this.modelCalls.failed(agent, (errorType != null) ? errorType : "error");
		}
	}

	@Override
	public synchronized void modelResponseStarted(ModelResponseStart start) {
		AgentNode agent = agent(start.parentToolUseId(), null, null);
		if (agent != null) {
			this.modelCalls.responseStarted(agent, start.messageId(), start.model(), start.usage());
		}
	}

	@Override
	public synchronized void modelOutput(ModelOutput output) {
		AgentNode agent = agent(output.parentToolUseId(), output.agentId(), null);
		if (agent == null) {
			return;
		}
		if (output.agentId() != null && !agent.isRoot() && agent.context.getAgentId() == null) {
			agent.context.setAgentId(output.agentId());
		}
		this.modelCalls.output(agent, output.messageId(), output.model(), output.usage(), output.parts(),
				output.stopReason());
	}

	@Override
	public synchronized void modelResponseFinished(ModelResponseEnd end) {
		AgentNode agent = agent(end.parentToolUseId(), null, null);
		if (agent != null) {
			this.modelCalls.responseFinished(agent, end.messageId(), end.stopReason(), end.usage());
		}
	}

	@Override
	public synchronized void modelResponseStopped(String parentToolUseId, String messageId) {
		AgentNode agent = agent(parentToolUseId, null, null);
		if (agent != null) {
			this.modelCalls.responseStopped(agent, messageId);
		}
	}

	@Override
	public synchronized void toolCallStarted(ToolCallStart call) {
		AgentNode agent = agent(call.parentToolUseId(), null, null);
		if (agent == null || call.toolUseId() == null || this.tools.get(call.toolUseId()) != null) {
			return;
		}
		this.modelCalls.toolRequested(agent);
		this.tools.start(agent, this.root.context.getConversationId(), call);
	}

	@Override
	public synchronized void toolCallFinished(ToolCallEnd end) {
		AgentNode agent = agent(end.parentToolUseId(), null, null);
		if (agent != null) {
			this.modelCalls.toolResultReceived(agent);
		}
		String toolUseId = end.toolUseId();
		if (this.tools.get(toolUseId) == null) {
			return;
		}
		AgentNode subagent = this.agents.subagent(toolUseId);
		if (subagent != null && !subagent.ended && subagent.backgrounded) {
			this.tools.finishWithSubagent(toolUseId, end.isError(), end.result());
			return;
		}
		if (subagent != null && !subagent.ended) {
			this.agents.end(subagent);
		}
		this.tools.finish(toolUseId, end.isError(), end.result());
	}

	@Override
	public synchronized void subagentStarted(SubagentStart subagent) {
		AgentNode agent = agent(subagent.parentToolUseId(), subagent.agentId(), subagent.subagentType());
		if (agent != null && subagent.prompt() != null && agent.context.getPrompt() == null) {
			agent.context.setPrompt(subagent.prompt());
		}
	}

	@Override
	public synchronized void subagentFinished(String parentToolUseId, String errorType) {
		AgentNode agent = (parentToolUseId != null) ? this.agents.subagent(parentToolUseId) : null;
		if (agent != null && !agent.ended && !this.finished) {
			if (errorType != null) {
				agent.context.setErrorType(errorType);
				InstrumentationFailures.run("recording a failed subagent", () -> agent.observation
					.error(new AgentRunFailedException(errorType, "Subagent failed: " + errorType)));
			}
			this.agents.end(agent);
		}
	}

	@Override
	public synchronized void taskStarted(TaskStart task) {
		if (this.finished) {
			return;
		}
		if (task.backgrounded()) {
			this.results.turnEnd().backgroundTaskStarted(task.taskId());
		}
		if ((task.taskType() != null && !LOCAL_AGENT.equals(task.taskType())) || task.toolUseId() == null) {
			return;
		}
		subagentStarted(new SubagentStart(task.toolUseId(), task.taskId(), task.subagentType(), task.prompt()));
		AgentNode subagent = this.agents.subagent(task.toolUseId());
		if (subagent != null && task.backgrounded()) {
			subagent.backgrounded = true;
		}
	}

	@Override
	public synchronized void taskBackgrounded(String taskId) {
		if (!this.finished) {
			this.results.turnEnd().backgroundTaskStarted(taskId);
		}
	}

	@Override
	public synchronized void taskFinished(String toolUseId, String taskId, String errorType) {
		this.results.turnEnd().taskEnded(taskId);
		subagentFinished(toolUseId, errorType);
	}

	@Override
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

	@Override
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

	@Override
	public synchronized void abandoned() {
		if (this.interruptRequested) {
			failed(interruption());
		}
		else if (!this.finished) {
			finish();
		}
	}

	@Override
	public synchronized void interruptRequested() {
		this.interruptRequested = true;
	}

	@Override
	public synchronized void sessionStoreFailed(String error) {
		Observation observation = this.root.observation;
		if (observation != null) {
			InstrumentationFailures.run("recording a session store failure", () -> observation
				.event(Observation.Event.of(SESSION_STORE_FAILURE, "Session store append failed: " + error)));
		}
	}

	private void error(Throwable error) {
		Observation observation = this.root.observation;
		if (observation != null) {
			InstrumentationFailures.run("recording a failed agent run", () -> observation.error(error));
		}
	}

	private static AgentRunFailedException interruption() {
		return new AgentRunFailedException(AgentRunControl.INTERRUPTED, "The agent run was interrupted on request");
	}

	private void finish() {
		this.finished = true;
		if (this.root.observation != null) {
			this.agents.end(this.root);
		}
		this.agents.clear();
		this.tools.clear();
	}

	/**
	 * The agent an event belongs to: the top-level agent, or the subagent of the given
	 * {@code parent_tool_use_id}, opened on its first event.
	 * @param parentToolUseId the id of the tool call that launched the subagent, {@code null}
	 * for the top-level agent
	 * @param agentId the subagent id, may be {@code null}
	 * @param subagentType the subagent type, may be {@code null}
	 * @return the agent, or {@code null} when the turn has not started or has ended, or that
	 * subagent has ended
	 */
	private AgentNode agent(String parentToolUseId, String agentId, String subagentType) {
		if (this.finished || this.root.observation == null) {
			return null;
		}
		return this.agents.resolve(parentToolUseId, agentId, subagentType);
	}

}
