package io.agentobs.claudecode.instrumentation;

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

	OpenChat(ChatObservationContext context, Observation observation, long startNanos) {
		this.context = context;
		this.observation = observation;
		this.startNanos = startNanos;
	}

}
