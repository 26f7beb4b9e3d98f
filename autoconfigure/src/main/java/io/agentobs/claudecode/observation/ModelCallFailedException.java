package io.agentobs.claudecode.observation;

/**
 * A model request failed: the API answered with an error the agent retries, or the response
 * stream was cut by an error event.
 */
public class ModelCallFailedException extends RuntimeException {

	private final String errorType;

	public ModelCallFailedException(String errorType) {
		super("Model call failed: " + errorType);
		this.errorType = errorType;
	}

	public String getErrorType() {
		return this.errorType;
	}

}
