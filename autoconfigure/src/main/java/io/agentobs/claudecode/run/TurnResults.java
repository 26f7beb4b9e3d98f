package io.agentobs.claudecode.run;

import io.agentobs.claudecode.client.message.TurnEnd;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;

/**
 * The results of a turn. With background tasks the CLI writes a result while they run and
 * another after the follow-up turn they cause: the turn's result is then the sum of its
 * results (counts and usage) with the last one's outcome, and its cost is the session's
 * cumulative cost minus what earlier turns cost. Which result ends the turn is the client's
 * rule ({@link TurnEnd}), fed with the turn's task events.
 */
final class TurnResults {

	private final SessionCost sessionCost;

	private final TurnEnd turnEnd = new TurnEnd();

	/** The results the CLI wrote while background tasks were pending. */
	private AgentRunResult earlier;

	TurnResults(SessionCost sessionCost) {
		this.sessionCost = sessionCost;
	}

	/**
	 * The turn's background tasks, which decide whether a result ends it.
	 * @return the rule, fed with the turn's start and task events
	 */
	TurnEnd turnEnd() {
		return this.turnEnd;
	}

	/**
	 * Takes a result the CLI wrote.
	 * @param result the result
	 * @return the result of the whole turn, or {@code null} when background tasks go on and
	 * another result will follow
	 */
	AgentRunResult complete(AgentRunResult result) {
		AgentRunResult whole = (this.earlier != null) ? this.earlier.followedBy(result) : result;
		if (!this.turnEnd.resultEndsTurn()) {
			this.earlier = whole;
			return null;
		}
		return whole;
	}

	/**
	 * Records the result of the whole turn on the turn's agent.
	 * @param context the turn's {@code invoke_agent} context
	 * @param result the result of the whole turn
	 */
	void record(AgentInvocationObservationContext context, AgentRunResult result) {
		context.setNumTurns(result.numTurns());
		context.setDurationApiMs(result.durationApiMs());
		context.setResultSubtype(result.subtype());
		context.setTerminalReason(result.terminalReason());
		context.setPermissionDenials(result.permissionDenials());
		context.setCostUsd(this.sessionCost.turnCost(result.sessionCostUsd()));
		CostSplit.record(context, result.usage());
		context.setTotalUsage(result.usage());
		context.setOutputText(result.resultText());
		if (result.errorType() != null) {
			context.setErrorType(result.errorType());
		}
	}

}
