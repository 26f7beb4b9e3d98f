package io.agentobs.claudecode.instrument;

import io.agentobs.claudecode.run.AgentRunEvents;

/**
 * Maps the messages of one agent SDK to the neutral {@link AgentRunEvents} of the run model.
 * One implementation per SDK; adapters are stateless, the run model keeps the run's state.
 *
 * @param <M> the SDK's message type
 */
@FunctionalInterface
public interface AgentMessageAdapter<M> {

	/**
	 * Records one message of a run.
	 * @param message the message, as the user receives it
	 * @param events the events of the run
	 */
	void record(M message, AgentRunEvents events);

}
