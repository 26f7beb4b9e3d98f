package io.agentobs.claudecode.instrumentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentRunControl;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.TokenUsage;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.micrometer.observation.Observation;

/**
 * Turns the neutral events of one agent turn into {@code invoke_agent}, {@code chat} and
 * {@code execute_tool} observations. Adapters for each agent SDK call it; it keeps the tree
 * right: chats and tools are children of their agent, a subagent is a child of the tool call
 * that launched it ({@code parent_tool_use_id}), and every observation stops exactly once.
 * Parents are set explicitly, so messages may be consumed on any thread.
 * <p>
 * A scope is identified by the {@code parent_tool_use_id} of its messages; {@code null} is
 * the top-level agent.
 */
public final class AgentRunRecorder {

	private final AgentObservationFactory observations;

	private final SessionCost sessionCost;

	private final AgentScope root;

	private final Map<String, AgentScope> subagents = new LinkedHashMap<>();

	private final Map<String, OpenTool> tools = new LinkedHashMap<>();

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
		this.sessionCost = sessionCost;
		this.root = new AgentScope(context);
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
	 * Someone asked to stop the turn: however it ends from now on, it ends with
	 * {@code error.type=interrupted}.
	 */
	public synchronized void interruptRequested() {
		this.interruptRequested = true;
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
		AgentScope scope = this.subagents.get(parentToolUseId);
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
			OpenChat chat = chat(scope, messageId, model, usage);
			if (chat != null) {
				chat.streamed = true;
			}
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
		if (agentId != null && scope != this.root && scope.context.getAgentId() == null) {
			scope.context.setAgentId(agentId);
		}
		OpenChat chat = chat(scope, messageId, model, usage);
		if (chat == null) {
			return;
		}
		for (ChatOutputPart part : parts) {
			chat.context.addOutputPart(part);
		}
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
		if (scope == null || scope.chat == null
				|| (messageId != null && !messageId.equals(scope.chat.context.getResponseId()))) {
			return;
		}
		ChatObservationContext context = scope.chat.context;
		if (stopReason != null) {
			context.setFinishReasons(List.of(stopReason));
		}
		context.setUsage(merge(context.getUsage(), usage));
		endChat(scope);
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
		if (scope == null || toolUseId == null || this.tools.containsKey(toolUseId)) {
			return;
		}
		if (scope.chat != null && !scope.chat.streamed) {
			// Without stream events the response is known to be complete once it asks for a
			// tool: the chat must not cover the tool's execution. Further tool calls of the
			// same response may follow until a tool result arrives.
			endChat(scope);
			scope.responseEndedAtToolUse = true;
		}
		ToolExecutionObservationContext context = new ToolExecutionObservationContext(toolName, toolUseId);
		context.setAgentName(scope.context.getAgentName());
		context.setConversationId(this.root.context.getConversationId());
		context.setArguments(arguments);
		Observation observation = this.observations.startTool(context, scope.observation);
		this.tools.put(toolUseId, new OpenTool(scope, context, observation, SubagentLaunch.subagentType(toolName, arguments)));
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
			endChat(scope);
			scope.responseEndedAtToolUse = false;
		}
		OpenTool tool = this.tools.get(toolUseId);
		if (tool == null) {
			return;
		}
		AgentScope subagent = this.subagents.get(toolUseId);
		if (subagent != null && !subagent.ended) {
			endScope(subagent);
		}
		tool.context.setResult(result);
		if (isError) {
			tool.context.setErrorType("tool_error");
			tool.observation.error(new ToolExecutionFailedException(tool.context.getToolName()));
		}
		endTool(toolUseId);
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
		if (this.interruptRequested) {
			context.setErrorType(AgentRunControl.INTERRUPTED);
			this.root.observation.error(interruption());
		}
		else if (errorType != null) {
			context.setErrorType(errorType);
			this.root.observation.error(new AgentRunFailedException(errorType, failureMessage(result)));
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
		this.root.observation.error(error);
		finish();
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

	private static AgentRunFailedException interruption() {
		return new AgentRunFailedException(AgentRunControl.INTERRUPTED, "The agent run was interrupted on request");
	}

	private void finish() {
		this.finished = true;
		if (this.root.observation != null) {
			endScope(this.root);
		}
		this.subagents.clear();
		this.tools.clear();
	}

	private static String failureMessage(AgentRunResult result) {
		StringBuilder message = new StringBuilder("Agent run failed: ").append(result.errorType());
		if (result.terminalReason() != null) {
			message.append(" (").append(result.terminalReason()).append(')');
		}
		if (result.errors() != null && !result.errors().isEmpty()) {
			message.append(": ").append(String.join("; ", result.errors()));
		}
		else if (result.isError() && result.resultText() != null) {
			message.append(": ").append(result.resultText());
		}
		return message.toString();
	}

	private AgentScope scope(String parentToolUseId, String agentId, String subagentType) {
		if (this.finished || this.root.observation == null) {
			return null;
		}
		if (parentToolUseId == null) {
			return this.root;
		}
		AgentScope scope = this.subagents.get(parentToolUseId);
		if (scope != null) {
			return scope.ended ? null : scope;
		}
		OpenTool launcher = this.tools.get(parentToolUseId);
		String name = (subagentType != null) ? subagentType
				: (launcher != null) ? launcher.subagentType() : null;
		AgentInvocationObservationContext context = new AgentInvocationObservationContext(
				(name != null) ? name : "subagent");
		context.setProviderName(this.root.context.getProviderName());
		context.setConversationId(this.root.context.getConversationId());
		context.setAgentId(agentId);
		scope = new AgentScope(context);
		Observation parent = (launcher != null) ? launcher.observation : this.root.observation;
		scope.observation = this.observations.startAgent(context, parent);
		this.subagents.put(parentToolUseId, scope);
		return scope;
	}

	private OpenChat chat(AgentScope scope, String messageId, String model, TokenUsage usage) {
		if (scope.chat != null && Objects.equals(scope.chat.context.getResponseId(), messageId)) {
			return scope.chat;
		}
		boolean endedResponse = (messageId != null) ? messageId.equals(scope.lastEndedMessageId)
				: scope.responseEndedAtToolUse;
		if (endedResponse) {
			return null;
		}
		endChat(scope);
		// An SDK that drops the response's model gets its agent's model as the request model
		// and no response model.
		ChatObservationContext context = new ChatObservationContext(
				(model != null) ? model : scope.context.getRequestModel());
		context.setProviderName(this.root.context.getProviderName());
		context.setAgentName(scope.context.getAgentName());
		context.setConversationId(this.root.context.getConversationId());
		context.setResponseId(messageId);
		context.setResponseModel(model);
		context.setUsage(inputSide(usage));
		scope.chat = new OpenChat(context, this.observations.startChat(context, scope.observation));
		return scope.chat;
	}

	private void endChat(AgentScope scope) {
		OpenChat chat = scope.chat;
		if (chat != null) {
			scope.chat = null;
			scope.lastEndedMessageId = chat.context.getResponseId();
			stop(chat.observation);
		}
	}

	private void endTool(String toolUseId) {
		OpenTool tool = this.tools.remove(toolUseId);
		if (tool != null) {
			stop(tool.observation);
		}
	}

	private void endScope(AgentScope scope) {
		endChat(scope);
		for (Map.Entry<String, AgentScope> subagent : new ArrayList<>(this.subagents.entrySet())) {
			OpenTool launcher = this.tools.get(subagent.getKey());
			if (!subagent.getValue().ended && launcher != null && launcher.scope == scope) {
				endScope(subagent.getValue());
			}
		}
		for (Map.Entry<String, OpenTool> tool : new ArrayList<>(this.tools.entrySet())) {
			if (tool.getValue().scope == scope) {
				endTool(tool.getKey());
			}
		}
		scope.ended = true;
		stop(scope.observation);
	}

	private static void stop(Observation observation) {
		InstrumentationFailures.run("stopping an agent observation", observation::stop);
	}

	/** The usage snapshot of a response start: input side only, output is not known yet. */
	private static TokenUsage inputSide(TokenUsage usage) {
		if (usage == null) {
			return null;
		}
		return new TokenUsage(usage.inputTokens(), null, usage.cacheReadInputTokens(),
				usage.cacheCreationInputTokens());
	}

	private static TokenUsage merge(TokenUsage start, TokenUsage delta) {
		if (delta == null) {
			return start;
		}
		if (start == null) {
			return delta;
		}
		return new TokenUsage(firstNonNull(delta.inputTokens(), start.inputTokens()), delta.outputTokens(),
				firstNonNull(delta.cacheReadInputTokens(), start.cacheReadInputTokens()),
				firstNonNull(delta.cacheCreationInputTokens(), start.cacheCreationInputTokens()));
	}

	private static Long firstNonNull(Long first, Long second) {
		return (first != null) ? first : second;
	}

	private static final class AgentScope {

		private final AgentInvocationObservationContext context;

		private Observation observation;

		private OpenChat chat;

		private String lastEndedMessageId;

		/** Whether the last response (without id) ended when it asked for a tool. */
		private boolean responseEndedAtToolUse;

		private boolean ended;

		AgentScope(AgentInvocationObservationContext context) {
			this.context = context;
		}

	}

	private static final class OpenChat {

		private final ChatObservationContext context;

		private final Observation observation;

		/** Whether the response is streamed, so that {@code message_delta} ends it. */
		private boolean streamed;

		OpenChat(ChatObservationContext context, Observation observation) {
			this.context = context;
			this.observation = observation;
		}

	}

	private record OpenTool(AgentScope scope, ToolExecutionObservationContext context, Observation observation,
			String subagentType) {
	}

}
