package io.agentobs.claudecode.instrument;

import io.agentobs.claudecode.run.AgentRunRecorder;

/**
 * Maps the messages of one agent SDK to the neutral events of an {@link AgentRunRecorder}.
 * One implementation per SDK; adapters are stateless, the recorder keeps the run's state.
 *
 * @param <M> the SDK's message type
 */
@FunctionalInterface
public interface AgentMessageAdapter<M> {

	/**
	 * Records one message of a run.
	 * @param message the message, as the user receives it
	 * @param recorder the recorder of the run
	 */
	void record(M message, AgentRunRecorder recorder);

}
