package io.agentobs.claudecode.observation;

/**
 * Recorded on an agent observation when the agent reported a failed turn
 * ({@code is_error: true}), so that backends mark the span as failed and can capture it.
 */
public class AgentRunFailedException extends RuntimeException {

	private final String errorType;

	public AgentRunFailedException(String errorType, String message) {
		super(message);
		this.errorType = errorType;
	}

	/**
	 * The {@code error.type} of the failure, e.g. {@code error_max_turns} or {@code 401}.
	 * @return the error type
	 */
	public String getErrorType() {
		return this.errorType;
	}

}
