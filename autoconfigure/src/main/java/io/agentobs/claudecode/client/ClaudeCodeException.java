package io.agentobs.claudecode.client;

/**
 * Base class of the exceptions thrown by the Claude Code client.
 */
public class ClaudeCodeException extends RuntimeException {

	public ClaudeCodeException(String message) {
		super(message);
	}

	public ClaudeCodeException(String message, Throwable cause) {
		super(message, cause);
	}

}
