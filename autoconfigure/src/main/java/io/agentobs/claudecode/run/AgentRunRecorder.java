package io.agentobs.claudecode.run;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;

import io.agentobs.claudecode.micrometer.AgentObservationFactory;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.observation.AgentErrorType;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation;
import io.agentobs.claudecode.observation.AgentRunControl;
import io.agentobs.claudecode.observation.AgentRunFailedException;
import io.agentobs.claudecode.run.AgentRunEvents.HookCalled;
import io.agentobs.claudecode.run.AgentRunEvents.ModelOutput;
import io.agentobs.claudecode.run.AgentRunEvents.ModelResponseEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ModelResponseStart;
import io.agentobs.claudecode.run.AgentRunEvents.PermissionDecided;
import io.agentobs.claudecode.run.AgentRunEvents.PermissionDenial;
import io.agentobs.claudecode.run.AgentRunEvents.RateLimit;
import io.agentobs.claudecode.run.AgentRunEvents.SubagentStart;
import io.agentobs.claudecode.run.AgentRunEvents.TaskStart;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallStart;
import io.agentobs.claudecode.run.AgentRunEvents.ToolExecution;
import io.micrometer.observation.Observation;

/**
 * Turns the {@link AgentRunEvents} of one agent turn into {@code invoke_agent}, {@code chat}
 * and {@code execute_tool} observations. Adapters for each agent SDK send it the events; it
 * keeps the tree right: chats and tools are children of their agent, a subagent is a child
 * of the tool call that launched it ({@code parent_tool_use_id}), and every observation stops
 * exactly once. Parents are set explicitly, so messages may be consumed on any thread.
 * <p>
 * The agents live in an {@link AgentTree}, found for each event in one place
 * ({@link #agent}); the model calls are in {@link ModelCalls}, the tool calls (with their
 * permission decisions, hooks and denials) in {@link ToolCalls}, the load of the stored
 * session in {@link SessionLoad}, the results in {@link TurnResults}. Things end in order:
 * model call, subagents, tools, then the agent. All events of a turn are serialized on this
 * recorder's lock, which a retried call's delayed start also takes.
 */
public final class AgentRunRecorder implements AgentRunEvents {

	/** The name of the event on the {@code invoke_agent} span when transcript entries could not be stored. */
	public static final String SESSION_STORE_FAILURE = AgentInvocationObservationDocumentation.Events.SESSION_STORE_FAILURE
		.getName();

	private static final String LOCAL_AGENT = "local_agent";

	/** The tool the CLI adds for a JSON schema; the model's call of it is the structured output. */
	private static final String STRUCTURED_OUTPUT_TOOL = "StructuredOutput";

	private final AgentObservationFactory observations;

	/** The load of the run's stored session. */
	private final SessionLoad sessionLoad;

	private final TurnResults results;

	private final AgentTree agents;

	private final AgentNode root;

	private final ModelCalls modelCalls;

	private final ToolCalls tools;

	private boolean started;

	private boolean finished;

	/** The context windows the CLI reported with the turn's result, by model. */
	private Map<String, Long> contextWindows = Map.of();

	private boolean interruptRequested;

	/** The structured output of the turn, as JSON text, once known. */
	private String structuredOutput;

	/**
	 * Creates a recorder for one turn whose calls of some tools the application runs itself
	 * (Java tools): their spans are timed by {@link #toolExecutionStarted} and
	 * {@link #toolExecutionFinished}.
	 * @param observations creates the observations
	 * @param context the context of the turn's {@code invoke_agent} observation
	 * @param sessionCost the cost state of the session the turn belongs to
	 * @param runByHost whether the application runs the tool of the given name itself
	 */
	public AgentRunRecorder(AgentObservationFactory observations, AgentInvocationObservationContext context,
			SessionCost sessionCost, Predicate<String> runByHost) {
		this.observations = observations;
		this.sessionLoad = new SessionLoad(observations);
		this.results = new TurnResults(sessionCost);
		this.modelCalls = new ModelCalls(observations, context, this);
		this.tools = new ToolCalls(observations, runByHost);
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
		if (tools != null && tools.contains(STRUCTURED_OUTPUT_TOOL)) {
			structuredOutputReturned(null);
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
			this.modelCalls.retried(agent, AgentErrorType.of(errorType), retryDelayMillis);
		}
	}

	@Override
	public synchronized void modelRequestFailed(String parentToolUseId, String errorType) {
		AgentNode agent = agent(parentToolUseId, null, null);
		if (agent != null) {
			this.modelCalls.failed(agent, AgentErrorType.of(errorType));
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
		if (this.tools.isExecutedByHost(call.toolUseId())) {
			// The application ran the call before its report arrived: the call's span is recorded
			this.modelCalls.toolRequested(agent);
			return;
		}
		if (agent.isRoot() && STRUCTURED_OUTPUT_TOOL.equals(call.toolName())) {
			// Before the call that asked for it ends
			structuredOutputReturned(call.arguments());
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
	public synchronized void toolExecutionStarted(String toolUseId, String toolName) {
		if (this.finished || toolUseId == null) {
			return;
		}
		if (this.tools.get(toolUseId) == null && !this.tools.isExecutedByHost(toolUseId)) {
			// The agent's report of the call has not arrived yet: the call is the top-level agent's
			this.tools.start(this.root, this.root.context.getConversationId(),
					new ToolCallStart(null, toolUseId, toolName, null, null));
		}
		this.tools.hostExecutionStarted(toolUseId);
	}

	@Override
	public synchronized void toolExecutionFinished(String toolUseId, String result, Throwable error) {
		if (!this.finished && toolUseId != null) {
			this.tools.hostExecutionFinished(toolUseId, result, error);
		}
	}

	/**
	 * The running {@code execute_tool} observation of a tool call, for what the application
	 * runs inside it.
	 * @param toolUseId the tool call id
	 * @return the observation, {@code null} when the call is not running
	 */
	public synchronized Observation toolObservation(String toolUseId) {
		OpenTool tool = this.tools.get(toolUseId);
		return (tool != null) ? tool.observation() : null;
	}

	/**
	 * Whether a tool call belongs to this turn: it is running or the application ran it.
	 * @param toolUseId the tool call id
	 * @return {@code true} when the call is this turn's
	 */
	public synchronized boolean hasToolCall(String toolUseId) {
		return !this.finished && (this.tools.get(toolUseId) != null || this.tools.isExecutedByHost(toolUseId));
	}

	/**
	 * The turn's conversation (session) id.
	 * @return the id, {@code null} before the agent reported it
	 */
	public synchronized String conversationId() {
		return this.root.context.getConversationId();
	}

	@Override
	public synchronized void permissionDecided(PermissionDecided decision) {
		this.tools.decided(decision);
	}

	@Override
	public synchronized void toolExecuted(ToolExecution execution) {
		this.tools.executed(execution);
	}

	@Override
	public synchronized void hookCalled(HookCalled hook) {
		if (!this.tools.hookCalled(hook) && !this.finished && this.root.observation != null) {
			// A callback without a tool call (UserPromptSubmit, Stop, ...) is the agent's
			this.root.observation.event(AgentInvocationObservationDocumentation.Events.HOOK.format(hook.event(),
					hook.outcome(), hook.durationMillis()));
		}
	}

	@Override
	public synchronized void permissionDenied(PermissionDenial denial) {
		this.tools.denied(denial);
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
				String type = AgentErrorType.of(errorType);
				agent.context.setErrorType(type);
				InstrumentationFailures.run("recording a failed subagent", () -> agent.observation
					.error(new AgentRunFailedException(type, "Subagent failed: " + errorType)));
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
	public synchronized void contextWindowsReported(Map<String, Long> contextWindows) {
		this.contextWindows = Map.copyOf(contextWindows);
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
		if (this.structuredOutput != null) {
			this.root.context.setOutputText(this.structuredOutput);
		}
		ContextWindow.record(this.root, this.contextWindows);
		if (this.interruptRequested) {
			this.root.context.setErrorType(AgentErrorType.INTERRUPTED.value());
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
		// An exception of the client is named by its class, one of the documented error types
		this.root.context.setErrorType((error instanceof AgentRunFailedException failure)
				? AgentErrorType.of(failure.getErrorType()) : error.getClass().getSimpleName());
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
	public synchronized void rateLimitReported(RateLimit rateLimit) {
		if (this.finished || this.root.observation == null) {
			return;
		}
		AgentInvocationObservationContext context = this.root.context;
		context.setRateLimitStatus(rateLimit.status());
		context.setRateLimitType(rateLimit.rateLimitType());
		context.setRateLimitUtilization(rateLimit.utilization());
		this.root.observation.event(AgentInvocationObservationDocumentation.Events.RATE_LIMIT);
	}

	/**
	 * Records what the run was asked to respect besides its model, on its
	 * {@code invoke_agent} span.
	 * @param maxBudgetUsd the budget in US dollars, may be {@code null}
	 * @param effort the effort level, may be {@code null}
	 * @param fallbackModel the fallback model, may be {@code null}
	 */
	public synchronized void requested(BigDecimal maxBudgetUsd, String effort, String fallbackModel) {
		if (!this.finished) {
			this.root.context.setRequestParameters(maxBudgetUsd, effort, fallbackModel);
		}
	}

	@Override
	public synchronized void conversationCompacted(String trigger) {
		if (this.finished || this.root.observation == null) {
			return;
		}
		this.root.context.setConversationCompacted(true);
		this.root.observation.event(AgentInvocationObservationDocumentation.Events.COMPACTION);
	}

	@Override
	public synchronized void structuredOutputReturned(String json) {
		if (this.finished) {
			return;
		}
		this.root.context.setOutputType(AgentInvocationObservationContext.OUTPUT_TYPE_JSON);
		this.modelCalls.structuredOutput(this.root);
		if (json != null) {
			this.structuredOutput = json;
		}
	}

	@Override
	public synchronized void sessionLoadStarted(String sessionId) {
		if (this.root.observation != null && !this.finished) {
			this.sessionLoad.start(sessionId, this.root.observation);
		}
	}

	@Override
	public synchronized void sessionLoadFinished(long entries, long bytes, Throwable failure) {
		this.sessionLoad.finish(entries, bytes, failure);
	}

	@Override
	public synchronized void sessionStoreFailed(String error) {
		Observation observation = this.root.observation;
		if (observation != null) {
			InstrumentationFailures.run("recording a session store failure", () -> observation
				.event(AgentInvocationObservationDocumentation.Events.SESSION_STORE_FAILURE.format(error)));
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
		this.sessionLoad.stop();
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
