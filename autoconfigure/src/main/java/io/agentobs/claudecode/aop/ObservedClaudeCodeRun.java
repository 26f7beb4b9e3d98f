package io.agentobs.claudecode.aop;

import java.lang.ref.Cleaner;
import java.util.Iterator;

import io.agentobs.claudecode.adapter.AgentMessageAdapter;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.instrumentation.AbandonedRuns;
import io.agentobs.claudecode.instrumentation.AgentRunRecorder;

/**
 * A {@link ClaudeCodeRun} whose messages drive the run's observations. Closing it (or its
 * stream, see {@link ClaudeCodeRun#stream()}) before the result ends the observations; so does dropping it unconsumed.
 */
final class ObservedClaudeCodeRun implements ClaudeCodeRun {

	private final ClaudeCodeRun delegate;

	private final AgentMessageAdapter<ClaudeMessage> adapter;

	private final AgentRunRecorder recorder;

	private final Cleaner.Cleanable abandonment;

	ObservedClaudeCodeRun(ClaudeCodeRun delegate, AgentMessageAdapter<ClaudeMessage> adapter,
			AgentRunRecorder recorder) {
		this.delegate = delegate;
		this.adapter = adapter;
		this.recorder = recorder;
		this.abandonment = AbandonedRuns.register(this, recorder);
	}

	@Override
	public Iterator<ClaudeMessage> iterator() {
		return new ObservedIterator<>(this.delegate.iterator(), this.adapter, this.recorder, this.abandonment::clean);
	}

	@Override
	public void interrupt() {
		this.delegate.interrupt();
	}

	@Override
	public void close() {
		this.abandonment.clean();
		this.delegate.close();
	}

}
