package io.agentobs.claudecode.run;

import io.agentobs.claudecode.observation.ChatObservationContext;
import io.micrometer.observation.Observation;

/**
 * A model call whose {@code chat} observation is running.
 */
final class OpenChat {

	final ChatObservationContext context;

	final Observation observation;

	/** When the call started, from {@link System#nanoTime()}. */
	final long startNanos;

	/** Whether the response is streamed, so that {@code message_delta} ends it. */
	boolean streamed;

	/** Whether the call was requested and no response has been seen yet. */
	boolean awaitingResponse;

	/**
	 * Whether the call is the retry of a response whose stream was cut, opened at the cut,
	 * so that an {@code api_retry} reporting that same failure does not fail it.
	 */
	boolean retriesCutStream;

	OpenChat(ChatObservationContext context, Observation observation, long startNanos) {
		this.context = context;
		this.observation = observation;
		this.startNanos = startNanos;
	}

}
