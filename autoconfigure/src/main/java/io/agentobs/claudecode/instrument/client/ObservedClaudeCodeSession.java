package io.agentobs.claudecode.instrument.client;

import com.fasterxml.jackson.databind.JsonNode;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.instrument.AgentMessageAdapter;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;

/**
 * A {@link ClaudeCodeSession} that observes each turn as its own {@code invoke_agent} with
 * the session's conversation id, and the cost of each turn out of the session's running
 * total.
 */
final class ObservedClaudeCodeSession implements ClaudeCodeSession {

	private final ClaudeCodeSession delegate;

	private final AgentRunObservations observations;

	private final AgentMessageAdapter<ClaudeMessage> adapter;

	private final ClaudeCodeOptions options;

	private final SessionCost sessionCost = new SessionCost();

	private final SessionArrivalRouter arrivals;

	private final RunProcessListener processes;

	private final boolean sessionStoreBacked;

	/**
	 * Observes a session.
	 * @param delegate the session
	 * @param observations starts the turns' observations
	 * @param adapter maps the messages
	 * @param options the options the session runs with: the variables the client adds to the
	 * CLI's environment, the budget, effort and fallback model each turn was asked for
	 * @param arrivals the listener the session's client reports arriving messages to, or
	 * {@code null} when the session was not opened with it
	 * @param processes the process listener the session's client tells of the processes it
	 * starts, or {@code null} when the session was not opened with it
	 * @param sessionStoreBacked whether the session's transcript is mirrored to a session store
	 */
	ObservedClaudeCodeSession(ClaudeCodeSession delegate, AgentRunObservations observations,
			AgentMessageAdapter<ClaudeMessage> adapter, ClaudeCodeOptions options, SessionArrivalRouter arrivals,
			RunProcessListener processes, boolean sessionStoreBacked) {
		this.processes = processes;
		this.sessionStoreBacked = sessionStoreBacked;
		this.delegate = delegate;
		this.observations = observations;
		this.adapter = adapter;
		this.options = options;
		this.arrivals = arrivals;
	}

	@Override
	public ClaudeCodeRun send(String prompt) {
		AgentRunRecorder recorder = this.observations.startRun(prompt, null, null, this.sessionCost,
				this.options.getEnvironment());
		InstrumentationFailures.run("recording what an agent run was asked", () -> recorder
			.requested(this.options.getMaxBudgetUsd(), this.options.getEffort(), this.options.getFallbackModel()));
		recorder.agentContext().setSessionStoreBacked(this.sessionStoreBacked);
		ArrivalRecorder turn = null;
		if (this.arrivals != null) {
			turn = new ArrivalRecorder(this.adapter, recorder);
			this.arrivals.startTurn(turn);
		}
		if (this.processes != null) {
			// A process started for this turn gets its trace context; a session load is its child
			this.processes.startTurn(recorder);
		}
		ClaudeCodeRun run;
		try {
			run = this.delegate.send(prompt);
		}
		catch (RuntimeException | Error ex) {
			if (turn != null) {
				turn.promptFailed();
			}
			InstrumentationFailures.run("ending a failed agent run", () -> recorder.failed(ex));
			throw ex;
		}
		if (turn != null) {
			turn.promptSent();
		}
		return new ObservedClaudeCodeRun(run, this.adapter, recorder, turn);
	}

	@Override
	public String sessionId() {
		return this.delegate.sessionId();
	}

	@Override
	public JsonNode initializeResponse() {
		return this.delegate.initializeResponse();
	}

	@Override
	public void setModel(String model) {
		this.delegate.setModel(model);
	}

	@Override
	public void setPermissionMode(String permissionMode) {
		this.delegate.setPermissionMode(permissionMode);
	}

	@Override
	public JsonNode mcpServerStatus() {
		return this.delegate.mcpServerStatus();
	}

	@Override
	public JsonNode contextUsage() {
		return this.delegate.contextUsage();
	}

	@Override
	public void stopTask(String taskId) {
		this.delegate.stopTask(taskId);
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
