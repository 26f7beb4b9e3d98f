package io.agentobs.claudecode.client;

/**
 * A conversation with one CLI process: every {@link #send(String) prompt} continues the
 * same session. One run at a time.
 */
public interface ClaudeCodeSession extends AutoCloseable {

	/**
	 * Sends the next prompt.
	 * @param prompt the prompt
	 * @return the run of this prompt, ending at its {@code result}
	 * @throws IllegalStateException when the previous run has not ended or the session is
	 * closed
	 */
	ClaudeCodeRun send(String prompt);

	/**
	 * The CLI's session id, known once the first run started, or from the start when it was
	 * chosen or resumed without forking ({@link io.agentobs.claudecode.client.options.SessionOptions}).
	 * @return the session id or {@code null}
	 */
	String sessionId();

	/**
	 * Ends the CLI process and its children.
	 */
	@Override
	void close();

}
