package io.agentobs.claudecode.client.message;

/**
 * Thrown when a line of the CLI's output exceeds the client's read limits (its length, the
 * length of a string in it or its nesting depth), so that the line cannot be delivered.
 */
public class StreamJsonLimitException extends RuntimeException {

	public StreamJsonLimitException(String message, Throwable cause) {
		super(message, cause);
	}

}
