package io.agentobs.claudecode.instrumentation;

import io.agentobs.claudecode.observation.ChatObservationContext;
import io.micrometer.observation.Observation;

/**
 * A model call whose {@code chat} observation is running.
 */
final class OpenChat {

	final ChatObservationContext context;

	final Observation observation;

	/** Whether the response is streamed, so that {@code message_delta} ends it. */
	boolean streamed;

	OpenChat(ChatObservationContext context, Observation observation) {
		this.context = context;
		this.observation = observation;
	}

}
