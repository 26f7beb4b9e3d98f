package io.agentobs.claudecode.instrument;

import java.util.function.Function;

/**
 * What an {@link ObservedIterator} tells the observation of its run: each message as it
 * passes, a failure of the underlying iterator, and the end of the messages.
 *
 * @param <M> the message type
 */
public interface RunMessageObserver<M> {

	/**
	 * A message passed to the consumer.
	 * @param message the message
	 */
	void onMessage(M message);

	/**
	 * The underlying iterator threw.
	 * @param error the failure, rethrown to the consumer
	 */
	void onFailure(Throwable error);

	/**
	 * The messages ran out.
	 */
	void onEnd();

	/**
	 * An observer of other elements that maps each one to a message of this observer.
	 * @param <T> the element type
	 * @param mapping maps an element to its message, or to {@code null} to skip it
	 * @return the mapped observer
	 */
	default <T> RunMessageObserver<T> mapping(Function<T, M> mapping) {
		RunMessageObserver<M> target = this;
		return new RunMessageObserver<>() {

			@Override
			public void onMessage(T element) {
				M message = mapping.apply(element);
				if (message != null) {
					target.onMessage(message);
				}
			}

			@Override
			public void onFailure(Throwable error) {
				target.onFailure(error);
			}

			@Override
			public void onEnd() {
				target.onEnd();
			}

		};
	}

}
