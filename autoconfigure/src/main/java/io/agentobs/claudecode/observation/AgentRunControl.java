package io.agentobs.claudecode.observation;

/**
 * Stops an agent run from outside the code that consumes it, for an operator who asks to.
 * Carried by the run's {@link AgentInvocationObservationContext}. However the run then ends,
 * its {@code invoke_agent} observation ends with {@code error.type=interrupted}.
 */
public interface AgentRunControl {

	/**
	 * The {@code error.type} of a run stopped through its control.
	 */
	String INTERRUPTED = "interrupted";

	/**
	 * Asks the agent to stop the run's turn; the run then ends with the turn's result.
	 */
	void interrupt();

	/**
	 * Ends the run at once, for when an interrupt was not enough: its agent process stops
	 * working on it.
	 */
	void close();

	/**
	 * How the run's context window is used, asked of its agent process now.
	 * @return the usage as plain maps and lists, {@code null} when the agent cannot tell
	 */
	default Object contextUsage() {
		return null;
	}

	/**
	 * The status of the run's MCP servers, asked of its agent process now.
	 * @return the status as plain maps and lists, {@code null} when the agent cannot tell
	 */
	default Object mcpServerStatus() {
		return null;
	}

}
