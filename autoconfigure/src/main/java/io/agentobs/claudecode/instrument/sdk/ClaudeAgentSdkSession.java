package io.agentobs.claudecode.instrument.sdk;

import java.util.function.Supplier;

import io.agentobs.claudecode.instrument.AgentMessageAdapter;
import io.agentobs.claudecode.observation.AgentErrorType;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import io.micrometer.observation.Observation;
import org.springaicommunity.claude.agent.sdk.types.Message;

/**
 * The observation state of one SDK client: its CLI session's running cost and the turn in
 * progress. A client runs one turn at a time; starting a new turn abandons one that was never
 * read to its result.
 */
final class ClaudeAgentSdkSession {

	private final Supplier<AgentRunObservations> observations;

	private final AgentMessageAdapter<Message> adapter;

	private final CliProcessWatch processWatch;

	private final SessionCost sessionCost = new SessionCost();

	private ClaudeAgentSdkRun current;

	ClaudeAgentSdkSession(Supplier<AgentRunObservations> observations,
			AgentMessageAdapter<Message> adapter, CliProcessWatch processWatch) {
		this.observations = observations;
		this.adapter = adapter;
		this.processWatch = processWatch;
	}

	/**
	 * Starts a turn under the current observation and watches the CLI for it.
	 * @param client the SDK client (the proxy's target)
	 * @param prompt the prompt sent, may be {@code null} when unknown
	 * @param requestModel the requested model, may be {@code null}
	 * @return the turn
	 */
	ClaudeAgentSdkRun startTurn(Object client, String prompt, String requestModel) {
		AgentRunRecorder recorder = this.observations.get().startRun(prompt, null, requestModel, this.sessionCost,
				SdkClientInternals.environment(client));
		ClaudeAgentSdkRun run = new ClaudeAgentSdkRun(this.adapter, recorder);
		ClaudeAgentSdkRun previous;
		synchronized (this) {
			previous = this.current;
			this.current = run;
		}
		if (previous != null) {
			previous.abandoned();
		}
		this.processWatch.watch(client, run);
		SdkRunControl.attach(client, run);
		return run;
	}

	/**
	 * Starts a turn as a child of the given observation.
	 * @param client the SDK client (the proxy's target)
	 * @param parent the parent observation, {@code null} for the current one
	 * @param prompt the prompt sent, may be {@code null} when unknown
	 * @param requestModel the requested model, may be {@code null}
	 * @return the turn
	 */
	ClaudeAgentSdkRun startTurn(Object client, Observation parent, String prompt, String requestModel) {
		if (parent == null) {
			return startTurn(client, prompt, requestModel);
		}
		try (Observation.Scope scope = parent.openScope()) {
			return startTurn(client, prompt, requestModel);
		}
	}

	/**
	 * The turn in progress.
	 * @return the turn, or {@code null} when none is open
	 */
	synchronized ClaudeAgentSdkRun openTurn() {
		return (this.current != null && !this.current.isFinished()) ? this.current : null;
	}

	/**
	 * The client is being closed: the open turn ends with {@code error.type=client_closed}.
	 */
	void closing() {
		ClaudeAgentSdkRun run = openTurn();
		if (run != null) {
			run.failed(AgentErrorType.CLIENT_CLOSED.value(), "The claude-code-sdk client was closed before the turn's result");
		}
	}

	/**
	 * The invoke_agent observation of the turn in progress.
	 * @return the observation, or {@code null} when no turn is open
	 */
	Observation openTurnObservation() {
		ClaudeAgentSdkRun run = openTurn();
		return (run != null) ? run.recorder().agentObservation() : null;
	}

}
