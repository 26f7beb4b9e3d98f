package io.agentobs.claudecode.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.agentobs.claudecode.content.SecretMask;
import io.agentobs.claudecode.micrometer.AgentObservationFactory;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.micrometer.Observations;
import io.agentobs.claudecode.observation.AgentErrorType;
import io.agentobs.claudecode.observation.ToolExecutionFailedException;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationDocumentation;
import io.agentobs.claudecode.run.AgentRunEvents.HookCalled;
import io.agentobs.claudecode.run.AgentRunEvents.PermissionDecided;
import io.agentobs.claudecode.run.AgentRunEvents.PermissionDenial;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallStart;
import io.agentobs.claudecode.run.AgentRunEvents.ToolExecution;

/**
 * The tool calls of a run, each an {@code execute_tool} observation timed from its
 * {@code tool_use} to its {@code tool_result}; a call of a tool the application runs itself
 * (a Java tool) is timed by the application's run of it.
 */
final class ToolCalls {

	private final AgentObservationFactory observations;

	private final Map<String, OpenTool> open = new LinkedHashMap<>();

	/** Calls that have their result but wait for the background subagent they launched. */
	private final Set<String> awaitingSubagent = new HashSet<>();

	/** Calls the application ran itself, timed by its own call (Java tools). */
	private final Set<String> executedByHost = new HashSet<>();

	/** Calls of tools the application runs itself whose observation starts when it runs them. */
	private final Set<String> notStarted = new HashSet<>();

	private final Predicate<String> runByHost;

	ToolCalls(AgentObservationFactory observations, Predicate<String> runByHost) {
		this.observations = observations;
		this.runByHost = runByHost;
	}

	/**
	 * The open tool call with the given id.
	 * @param toolUseId the tool call id
	 * @return the call, or {@code null} when it is not open
	 */
	OpenTool get(String toolUseId) {
		return (toolUseId != null) ? this.open.get(toolUseId) : null;
	}

	/**
	 * Starts a tool call of an agent.
	 * @param agent the calling agent
	 * @param conversationId the run's conversation id
	 * @param call the call
	 */
	void start(AgentNode agent, String conversationId, ToolCallStart call) {
		ToolExecutionObservationContext context = new ToolExecutionObservationContext(call.toolName(),
				call.toolUseId());
		context.setAgentName(agent.context.getAgentName());
		context.setConversationId(conversationId);
		context.setArguments(call.arguments());
		if (call.toolName() != null && this.runByHost.test(call.toolName())) {
			// The application runs it: timed from when it does (hostExecutionStarted)
			this.open.put(call.toolUseId(), new OpenTool(agent, context,
					this.observations.createTool(context, agent.observation), call.subagentType()));
			this.notStarted.add(call.toolUseId());
			return;
		}
		context.setSkillName(ToolCallDetails.skillName(call.toolName(), call.arguments()));
		this.open.put(call.toolUseId(), new OpenTool(agent, context,
				this.observations.startTool(context, agent.observation), call.subagentType()));
	}

	/**
	 * Starts the observation of a call that waited for the application to run it.
	 */
	private void ensureStarted(String toolUseId) {
		OpenTool tool = this.open.get(toolUseId);
		if (tool != null && this.notStarted.remove(toolUseId)) {
			this.observations.startCreated(tool.observation(), tool.agent().observation);
		}
	}

	/**
	 * Whether the application runs (or ran) a call itself, so that the agent's report of the
	 * call neither starts nor ends its span.
	 * @param toolUseId the tool call id
	 * @return {@code true} for a call the application ran
	 */
	boolean isExecutedByHost(String toolUseId) {
		return toolUseId != null && this.executedByHost.contains(toolUseId);
	}

	/**
	 * The application began running an open call itself.
	 * @param toolUseId the tool call id
	 */
	void hostExecutionStarted(String toolUseId) {
		if (this.open.containsKey(toolUseId) && !this.executedByHost.contains(toolUseId)) {
			this.executedByHost.add(toolUseId);
			ensureStarted(toolUseId);
		}
	}

	/**
	 * The application finished running a call itself: the call ends now, with what the tool
	 * threw as its error.
	 * @param toolUseId the tool call id
	 * @param result the result text, may be {@code null}
	 * @param error what the tool threw, {@code null} when it succeeded
	 */
	void hostExecutionFinished(String toolUseId, String result, Throwable error) {
		OpenTool tool = (this.executedByHost.contains(toolUseId)) ? this.open.get(toolUseId) : null;
		if (tool == null) {
			return;
		}
		tool.context().setResult(result);
		if (error != null) {
			InstrumentationFailures.run("recording a failed tool call", () -> tool.observation().error(error));
		}
		end(toolUseId);
	}

	/**
	 * Ends a tool call with its result.
	 * @param toolUseId the tool call id
	 * @param isError whether the tool failed
	 * @param result the result text
	 */
	void finish(String toolUseId, boolean isError, String result) {
		if (complete(toolUseId, isError, result)) {
			end(toolUseId);
		}
	}

	/**
	 * Records the result of a call that launched a background subagent; the call ends with the
	 * subagent ({@link #subagentEnded}), so that it contains it.
	 * @param toolUseId the tool call id
	 * @param isError whether the tool failed
	 * @param result the result text
	 */
	void finishWithSubagent(String toolUseId, boolean isError, String result) {
		if (complete(toolUseId, isError, result)) {
			this.awaitingSubagent.add(toolUseId);
		}
	}

	/**
	 * The subagent launched by a call ended: a call that has its result and waited for the
	 * subagent ends now.
	 * @param toolUseId the launching tool call id
	 */
	void subagentEnded(String toolUseId) {
		if (this.awaitingSubagent.remove(toolUseId)) {
			end(toolUseId);
		}
	}

	private boolean complete(String toolUseId, boolean isError, String result) {
		OpenTool tool = this.open.get(toolUseId);
		if (tool == null || this.awaitingSubagent.contains(toolUseId) || this.executedByHost.contains(toolUseId)) {
			return false;
		}
		ensureStarted(toolUseId);
		tool.context().setResult(result);
		if (isError) {
			tool.context().setExitCode(ToolCallDetails.exitCode(tool.context().getToolName(), result));
			if (tool.context().getErrorType() == null) {
				// A refused call keeps permission_denied
				tool.context().setErrorType(AgentErrorType.TOOL_ERROR.value());
			}
			InstrumentationFailures.run("recording a failed tool call",
					() -> tool.observation().error(new ToolExecutionFailedException(tool.context().getToolName())));
		}
		return true;
	}

	/**
	 * The CLI refused a call without asking: its span gets the reason and the
	 * {@code permission_denied} error type, and an event; the error result follows.
	 * @param denial the refused call and why
	 */
	void denied(PermissionDenial denial) {
		OpenTool tool = get(denial.toolUseId());
		if (tool == null || this.awaitingSubagent.contains(denial.toolUseId())) {
			return;
		}
		ToolExecutionObservationContext context = tool.context();
		context.setPermissionDenialReasonType(denial.reasonType());
		context.setPermissionDenialReason(SecretMask.of(context, SecretMask.NONE).mask(denial.reason()));
		context.setErrorType(AgentErrorType.PERMISSION_DENIED.value());
		tool.observation().event(ToolExecutionObservationDocumentation.Events.PERMISSION_DENIED);
	}

	/**
	 * Records a permission decision on the span of its call, if the call is open.
	 * @param decision the decision
	 */
	void decided(PermissionDecided decision) {
		OpenTool tool = get(decision.toolUseId());
		if (tool != null) {
			tool.context().setPermission(decision.decision(), decision.decidedBy(), decision.waitMillis());
		}
	}

	/**
	 * Records a call's own execution, as the CLI measured it, on its span if the call is open.
	 * @param execution the execution
	 */
	void executed(ToolExecution execution) {
		OpenTool tool = get(execution.toolUseId());
		if (tool != null) {
			tool.context().setExecution(execution.durationMillis(), execution.failure());
		}
	}

	/**
	 * Records a hook callback on the span of its call, if the call is open.
	 * @param hook the callback
	 * @return whether it was recorded: {@code false} for a callback without an open call
	 */
	boolean hookCalled(HookCalled hook) {
		OpenTool tool = get(hook.toolUseId());
		if (tool == null) {
			return false;
		}
		tool.context().addHook(hook.event(), hook.outcome(), hook.durationMillis());
		return true;
	}

	/**
	 * Ends the open tool calls of an agent, without a result.
	 * @param agent the agent
	 */
	void endAll(AgentNode agent) {
		for (Map.Entry<String, OpenTool> tool : new ArrayList<>(this.open.entrySet())) {
			if (tool.getValue().agent() == agent) {
				end(tool.getKey());
			}
		}
	}

	void clear() {
		this.open.clear();
		this.awaitingSubagent.clear();
		this.executedByHost.clear();
		this.notStarted.clear();
	}

	private void end(String toolUseId) {
		ensureStarted(toolUseId);
		this.awaitingSubagent.remove(toolUseId);
		OpenTool tool = this.open.remove(toolUseId);
		if (tool != null) {
			Observations.stop(tool.observation());
		}
	}

}
