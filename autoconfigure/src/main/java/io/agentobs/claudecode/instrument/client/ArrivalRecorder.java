package io.agentobs.claudecode.instrument.client;

import java.util.ArrayList;
import java.util.List;

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
 * <p>
 * Until the prompt is sent, arriving messages are held: a CLI may write (and exit) before it
 * reads its prompt, and when sending the prompt fails, what it wrote belongs to no run and
 * must not end the run's observations as a success.
 */
final class ArrivalRecorder implements ClaudeMessageListener {

	private final Object lock = new Object();

	/** The messages that arrived before the prompt was sent, {@code null} once it was sent or failed. */
	private List<ClaudeMessage> held = new ArrayList<>();

	/** Whether the prompt could not be sent: arriving messages then belong to no run. */
	private boolean promptFailed;

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
		synchronized (this.lock) {
			if (this.promptFailed) {
				return;
			}
			if (this.held != null) {
				this.held.add(message);
				return;
			}
			record(message);
		}
	}

	/**
	 * The events of the run this recorder records into.
	 * @return the events
	 */
	AgentRunEvents events() {
		return this.events;
	}

	/**
	 * The prompt was sent: records the messages held so far, then each as it arrives.
	 */
	void promptSent() {
		synchronized (this.lock) {
			List<ClaudeMessage> held = this.held;
			this.held = null;
			if (held != null) {
				held.forEach(this::record);
			}
		}
	}

	/**
	 * The prompt could not be sent: the messages held so far are dropped, and so is each
	 * that arrives later.
	 */
	void promptFailed() {
		synchronized (this.lock) {
			this.promptFailed = true;
			this.held = null;
		}
	}

	private void record(ClaudeMessage message) {
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
