package io.agentobs.claudecode.instrument.client;

import java.util.Map;

import io.agentobs.claudecode.client.ClaudeProcessListener;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;

/**
 * The process listener of an observed query or session: gives each CLI process the
 * environment of the run it starts for (the trace context of that run's {@code invoke_agent},
 * the CLI's own telemetry settings), and records the load of a stored session into that run.
 * A session's process started outside a turn (a control request before the first prompt)
 * gets the environment without a trace context.
 */
final class RunProcessListener implements ClaudeProcessListener {

	private final AgentRunObservations observations;

	private volatile AgentRunRecorder run;

	/**
	 * A listener for the runs of a session, told each turn with {@link #startTurn}.
	 * @param observations computes the CLI's environment
	 */
	RunProcessListener(AgentRunObservations observations) {
		this.observations = observations;
	}

	/**
	 * A listener for one run.
	 * @param observations computes the CLI's environment
	 * @param run the run
	 */
	RunProcessListener(AgentRunObservations observations, AgentRunRecorder run) {
		this.observations = observations;
		this.run = run;
	}

	/**
	 * Makes a turn the current one, before its prompt is sent (which may start its process).
	 * @param run the turn's recorder
	 */
	void startTurn(AgentRunRecorder run) {
		this.run = run;
	}

	@Override
	public Map<String, String> environment() {
		AgentRunRecorder current = this.run;
		return (current != null) ? this.observations.cliEnvironment(current)
				: this.observations.cliEnvironmentOutsideRuns();
	}

	@Override
	public void sessionLoadStarted(String sessionId) {
		AgentRunRecorder current = this.run;
		if (current != null) {
			InstrumentationFailures.run("recording the start of a session load",
					() -> current.sessionLoadStarted(sessionId));
		}
	}

	@Override
	public void sessionLoadFinished(String sessionId, long entries, long bytes, Throwable failure) {
		AgentRunRecorder current = this.run;
		if (current != null) {
			InstrumentationFailures.run("recording the end of a session load",
					() -> current.sessionLoadFinished(entries, bytes, failure));
		}
	}

}
