package io.agentobs.claudecode.client;

import io.agentobs.claudecode.client.message.ClaudeMessage;

/**
 * Told about each message of a CLI process as it arrives, on the thread that reads the CLI's
 * output, before any run delivers it: the time of the call is the time the CLI wrote the
 * line, whatever the pace of the run's consumer. Set through
 * {@link ClaudeCodeOptions.Builder#messageListener}. A listener must be quick and must not
 * block; what it throws is logged and ignored.
 */
@FunctionalInterface
public interface ClaudeMessageListener {

	/**
	 * A message arrived from the CLI. Control protocol lines are not messages.
	 * @param message the message, exactly as the run will deliver it
	 */
	void onMessage(ClaudeMessage message);

	/**
	 * A listener that tells this listener, then the other.
	 * @param other the listener to call second, may be {@code null}
	 * @return the combined listener
	 */
	default ClaudeMessageListener andThen(ClaudeMessageListener other) {
		if (other == null) {
			return this;
		}
		return (message) -> {
			onMessage(message);
			other.onMessage(message);
		};
	}

}
