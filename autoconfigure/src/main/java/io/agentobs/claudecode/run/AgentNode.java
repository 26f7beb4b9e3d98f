package io.agentobs.claudecode.run;

import java.util.concurrent.ScheduledFuture;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.TokenUsage;
import io.micrometer.observation.Observation;

/**
 * One agent of a run, a node of its {@link AgentTree}: the top-level agent or a subagent,
 * with its {@code invoke_agent} observation, the agent it nests in, and the state of its
 * current model call.
 */
final class AgentNode {

	final AgentInvocationObservationContext context;

	/** The agent this one nests in, {@code null} for the top-level agent. */
	final AgentNode parent;

	Observation observation;

	/** The model call in progress, if any. */
	OpenChat chat;

	/** The start of a retried request's call, waiting for the CLI's back-off, if any. */
	ScheduledFuture<?> pendingRetry;

	/** Whether the pending start is that of the retry of a cut stream. */
	boolean pendingRetryFollowsCut;

	/** The response id of the last model call that ended. */
	String lastEndedMessageId;

	/** The usage of the last model call that ended with a known usage. */
	TokenUsage lastChatUsage;

	/** The response model of the last model call that ended with one. */
	String lastChatModel;

	/** Whether the last response (without id) ended when it asked for a tool. */
	boolean responseEndedAtToolUse;

	boolean ended;

	/** The id of the tool call that launched this subagent, {@code null} for the top-level agent. */
	final String launcherToolUseId;

	/** Whether this subagent runs in the background, so that its launching call waits for it. */
	boolean backgrounded;

	AgentNode(AgentInvocationObservationContext context, AgentNode parent, String launcherToolUseId) {
		this.context = context;
		this.parent = parent;
		this.launcherToolUseId = launcherToolUseId;
	}

	boolean isRoot() {
		return this.parent == null;
	}

}
