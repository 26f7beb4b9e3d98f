package io.agentobs.claudecode.sdk;

import java.util.Iterator;
import java.util.function.Function;

import org.springaicommunity.claude.agent.sdk.types.Message;

/**
 * An iterator over a sync client's messages that records each one as it passes, unchanged,
 * on the caller's thread. The turn ends on its result, when the SDK throws, or when the
 * messages run out without a result.
 *
 * @param <T> the element type: {@link Message} or the SDK's {@code ParsedMessage}
 */
final class ObservedMessageIterator<T> implements Iterator<T> {

	private final Iterator<T> delegate;

	private final Function<T, Message> messages;

	private final ClaudeAgentSdkRun run;

	ObservedMessageIterator(Iterator<T> delegate, Function<T, Message> messages, ClaudeAgentSdkRun run) {
		this.delegate = delegate;
		this.messages = messages;
		this.run = run;
	}

	@Override
	public boolean hasNext() {
		boolean hasNext;
		try {
			hasNext = this.delegate.hasNext();
		}
		catch (RuntimeException | Error ex) {
			this.run.failed(ex);
			throw ex;
		}
		if (!hasNext) {
			this.run.failed("no_result", "The turn's messages ended without a result");
		}
		return hasNext;
	}

	@Override
	public T next() {
		T element;
		try {
			element = this.delegate.next();
		}
		catch (RuntimeException | Error ex) {
			this.run.failed(ex);
			throw ex;
		}
		Message message = this.messages.apply(element);
		if (message != null) {
			this.run.record(message);
		}
		return element;
	}

}
