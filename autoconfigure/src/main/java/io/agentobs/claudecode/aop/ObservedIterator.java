package io.agentobs.claudecode.aop;

import java.util.Iterator;

import io.agentobs.claudecode.adapter.AgentMessageAdapter;
import io.agentobs.claudecode.instrumentation.AgentRunFailedException;
import io.agentobs.claudecode.instrumentation.AgentRunRecorder;
import io.agentobs.claudecode.instrumentation.InstrumentationFailures;

/**
 * An iterator over a run's messages that records each message as it passes, unchanged and in
 * order. The run's observations end on its result, when the delegate throws, or when the
 * messages run out without a result.
 *
 * @param <M> the message type
 */
final class ObservedIterator<M> implements Iterator<M> {

	private final Iterator<M> delegate;

	private final AgentMessageAdapter<M> adapter;

	private final AgentRunRecorder recorder;

	private final Runnable onEnd;

	/**
	 * Creates the iterator.
	 * @param delegate the run's messages
	 * @param adapter records each message
	 * @param recorder the run's recorder
	 * @param onEnd called once the run's observations have ended
	 */
	ObservedIterator(Iterator<M> delegate, AgentMessageAdapter<M> adapter, AgentRunRecorder recorder,
			Runnable onEnd) {
		this.delegate = delegate;
		this.adapter = adapter;
		this.recorder = recorder;
		this.onEnd = onEnd;
	}

	@Override
	public boolean hasNext() {
		boolean hasNext;
		try {
			hasNext = this.delegate.hasNext();
		}
		catch (RuntimeException | Error ex) {
			fail(ex);
			throw ex;
		}
		if (!hasNext) {
			fail(new AgentRunFailedException("no_result", "The agent run ended without a result"));
		}
		return hasNext;
	}

	@Override
	public M next() {
		M message;
		try {
			message = this.delegate.next();
		}
		catch (RuntimeException | Error ex) {
			fail(ex);
			throw ex;
		}
		InstrumentationFailures.run("recording an agent message", () -> this.adapter.record(message, this.recorder));
		if (this.recorder.isFinished()) {
			this.onEnd.run();
		}
		return message;
	}

	private void fail(Throwable error) {
		InstrumentationFailures.run("ending a failed agent run", () -> this.recorder.failed(error));
		this.onEnd.run();
	}

}
