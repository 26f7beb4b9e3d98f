package io.agentobs.claudecode.instrument.client;

import io.agentobs.claudecode.client.ClaudeMessageListener;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.instrument.AgentMessageAdapter;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.run.AgentRunEvents;

/**
 * Records the messages of a run into its observations as they arrive from the CLI, on the
 * client's reader thread, so that span times are the agent's whatever the consumer's pace.
 * Once a client has called it, the run's iterator no longer records: each message is
 * recorded once. A client that never calls it leaves recording to the iterator.
 */
final class ArrivalRecorder implements ClaudeMessageListener {

	private final AgentMessageAdapter<ClaudeMessage> adapter;

	private final AgentRunEvents events;

	private volatile boolean active;

	ArrivalRecorder(AgentMessageAdapter<ClaudeMessage> adapter, AgentRunEvents events) {
		this.adapter = adapter;
		this.events = events;
	}

	@Override
	public void onMessage(ClaudeMessage message) {
		this.active = true;
		InstrumentationFailures.run("recording an agent message", () -> this.adapter.record(message, this.events));
	}

	/**
	 * Whether the client reports arriving messages, so that the iterator must not record them.
	 * @return {@code true} once a message arrived through this listener
	 */
	boolean isActive() {
		return this.active;
	}

}
