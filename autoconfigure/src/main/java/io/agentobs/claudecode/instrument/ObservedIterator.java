package io.agentobs.claudecode.instrument;

import java.util.Iterator;

import io.agentobs.claudecode.micrometer.InstrumentationFailures;

/**
 * An iterator over a run's messages that tells a {@link RunMessageObserver} about each one as
 * it passes, unchanged and in order, about a failure of the delegate (then rethrown) and about
 * the end of the messages. The observer's own failures never reach the consumer.
 *
 * @param <M> the message type
 */
public final class ObservedIterator<M> implements Iterator<M> {

	private final Iterator<M> delegate;

	private final RunMessageObserver<M> observer;

	public ObservedIterator(Iterator<M> delegate, RunMessageObserver<M> observer) {
		this.delegate = delegate;
		this.observer = observer;
	}

	@Override
	public boolean hasNext() {
		boolean hasNext;
		try {
			hasNext = this.delegate.hasNext();
		}
		catch (RuntimeException | Error ex) {
			InstrumentationFailures.run("ending a failed agent run", () -> this.observer.onFailure(ex));
			throw ex;
		}
		if (!hasNext) {
			InstrumentationFailures.run("ending an agent run", this.observer::onEnd);
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
			InstrumentationFailures.run("ending a failed agent run", () -> this.observer.onFailure(ex));
			throw ex;
		}
		InstrumentationFailures.run("recording an agent message", () -> this.observer.onMessage(message));
		return message;
	}

}
