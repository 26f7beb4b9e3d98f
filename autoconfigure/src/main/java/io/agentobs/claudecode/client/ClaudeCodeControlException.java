package io.agentobs.claudecode.client;

/**
 * Thrown when a control request to the CLI (set the model, read the context usage, ...)
 * fails: the CLI answered with an error, did not answer in time, or ended first.
 */
public class ClaudeCodeControlException extends ClaudeCodeException {

	private final String subtype;

	public ClaudeCodeControlException(String subtype, String message, Throwable cause) {
		super(message, cause);
		this.subtype = subtype;
	}

	/**
	 * The subtype of the request that failed, e.g. {@code set_model}.
	 * @return the subtype
	 */
	public String getSubtype() {
		return this.subtype;
	}

}
