package io.agentobs.claudecode.run;

/**
 * Turns the session-cumulative cost the CLI reports into the cost of each turn.
 */
public final class SessionCost {

	private double reported;

	/**
	 * The cost of the turn that ended with the given cumulative cost.
	 * @param sessionCostUsd the cumulative cost reported at the end of the turn, may be {@code null}
	 * @return the cost of that turn, or {@code null} when unknown
	 */
	public synchronized Double turnCost(Double sessionCostUsd) {
		if (sessionCostUsd == null) {
			return null;
		}
		double turn = Math.max(0.0, sessionCostUsd - this.reported);
		this.reported = Math.max(this.reported, sessionCostUsd);
		return turn;
	}

}
