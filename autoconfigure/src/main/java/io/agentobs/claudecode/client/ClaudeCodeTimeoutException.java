package io.agentobs.claudecode.client;

import java.time.Duration;

/**
 * Thrown while iterating a run that exceeded its run timeout or idle timeout; the run has
 * been closed.
 */
public class ClaudeCodeTimeoutException extends ClaudeCodeException {

	private final Duration timeout;

	public ClaudeCodeTimeoutException(String message, Duration timeout) {
		super(message);
		this.timeout = timeout;
	}

	/**
	 * The timeout that was exceeded.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
