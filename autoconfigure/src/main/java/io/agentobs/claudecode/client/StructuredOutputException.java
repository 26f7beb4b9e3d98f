package io.agentobs.claudecode.client;

import io.agentobs.claudecode.client.message.ResultMessage;

/**
 * Thrown when a run asked for a structured result ends without a valid one: an error
 * result (such as {@code error_max_structured_output_retries} or {@code error_max_turns}),
 * no {@code structured_output}, or one that does not fit the requested type.
 */
public class StructuredOutputException extends ClaudeCodeException {

	private final transient ResultMessage result;

	public StructuredOutputException(String message, ResultMessage result, Throwable cause) {
		super(message, cause);
		this.result = result;
	}

	/**
	 * The result the run ended with.
	 * @return the result
	 */
	public ResultMessage getResult() {
		return this.result;
	}

}
