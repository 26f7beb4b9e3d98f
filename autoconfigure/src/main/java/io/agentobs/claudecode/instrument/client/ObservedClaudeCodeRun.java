package io.agentobs.claudecode.instrument.client;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;

import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.instrument.AgentMessageAdapter;
import io.agentobs.claudecode.instrument.ObservedIterator;
import io.agentobs.claudecode.instrument.RunMessageObserver;
import io.agentobs.claudecode.observation.AgentErrorType;
import io.agentobs.claudecode.observation.AgentRunFailedException;
import io.agentobs.claudecode.run.AbandonedRunCleaner;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.RunInterruption;

/**
 * A {@link ClaudeCodeRun} whose messages drive the run's observations: as they arrive from the
 * CLI when the client reports them to the run's {@link ArrivalRecorder}, else as the consumer
 * takes them. Closing it (or its stream, see {@link ClaudeCodeRun#stream()}) before the result
 * ends the observations; so does dropping it unconsumed.
 */
final class ObservedClaudeCodeRun implements ClaudeCodeRun {

	private final ClaudeCodeRun delegate;

	private final AgentMessageAdapter<ClaudeMessage> adapter;

	private final AgentRunRecorder recorder;

	private final ArrivalRecorder arrivals;

	private final Cleaner.Cleanable abandonment;

	ObservedClaudeCodeRun(ClaudeCodeRun delegate, AgentMessageAdapter<ClaudeMessage> adapter,
			AgentRunRecorder recorder, ArrivalRecorder arrivals) {
		this.delegate = delegate;
		this.adapter = adapter;
		this.recorder = recorder;
		this.arrivals = arrivals;
		Cleaner.Cleanable abandonment = AbandonedRunCleaner.register(this, recorder);
		this.abandonment = abandonment;
		// The client's run is held weakly: the control lives on the agent context, which the CLI's
		// reader thread reaches through the arrival listener, and a run the user dropped must
		// stay collectable so that its CLI is ended
		WeakReference<ClaudeCodeRun> client = new WeakReference<>(delegate);
		RunInterruption.attach(recorder, () -> {
			ClaudeCodeRun run = client.get();
			if (run != null) {
				run.interrupt();
			}
		}, () -> {
			abandonment.clean();
			ClaudeCodeRun run = client.get();
			if (run != null) {
				run.close();
			}
		}, () -> AgentStatusView.contextUsage(client.get()), () -> AgentStatusView.mcpServers(client.get()));
	}

	@Override
	public Iterator<ClaudeMessage> iterator() {
		return new ObservedIterator<>(this.delegate.iterator(), new Observer());
	}

	@Override
	public void interrupt() {
		this.delegate.interrupt();
	}

	@Override
	public JsonNode contextUsage() {
		return this.delegate.contextUsage();
	}

	@Override
	public JsonNode mcpServerStatus() {
		return this.delegate.mcpServerStatus();
	}

	@Override
	public void close() {
		this.abandonment.clean();
		this.delegate.close();
	}

	/**
	 * Records the messages; once the run has ended, no abandonment watch is needed any more.
	 */
	private final class Observer implements RunMessageObserver<ClaudeMessage> {

		@Override
		public void onMessage(ClaudeMessage message) {
			AgentRunRecorder recorder = ObservedClaudeCodeRun.this.recorder;
			ArrivalRecorder arrivals = ObservedClaudeCodeRun.this.arrivals;
			if (arrivals == null || !arrivals.isActive()) {
				ObservedClaudeCodeRun.this.adapter.record(message, recorder);
			}
			if (recorder.isFinished()) {
				ObservedClaudeCodeRun.this.abandonment.clean();
			}
		}

		@Override
		public void onFailure(Throwable error) {
			ObservedClaudeCodeRun.this.recorder.failed(error);
			ObservedClaudeCodeRun.this.abandonment.clean();
		}

		@Override
		public void onEnd() {
			if (!ObservedClaudeCodeRun.this.recorder.isFinished()) {
				onFailure(new AgentRunFailedException(AgentErrorType.NO_RESULT.value(), "The agent run ended without a result"));
			}
			else {
				ObservedClaudeCodeRun.this.abandonment.clean();
			}
		}

	}

}
