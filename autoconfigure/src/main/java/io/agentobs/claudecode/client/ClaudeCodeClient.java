package io.agentobs.claudecode.client;

/**
 * Runs Claude Code through its CLI. Per-call options override the client's defaults:
 * unset fields inherit, environment variables are combined.
 *
 * @see io.agentobs.claudecode.client.cli.CliClaudeCodeClient
 */
public interface ClaudeCodeClient {

	/**
	 * Runs one prompt with the client's options.
	 * @param prompt the prompt
	 * @return the run, whose messages arrive as the CLI writes them
	 */
	ClaudeCodeRun query(String prompt);

	/**
	 * Runs one prompt.
	 * @param prompt the prompt
	 * @param options overrides of the client's options, may be {@code null}
	 * @return the run, whose messages arrive as the CLI writes them
	 */
	ClaudeCodeRun query(String prompt, ClaudeCodeOptions options);

	/**
	 * Starts a CLI process for a conversation of several prompts, with the client's options.
	 * @return the session
	 */
	ClaudeCodeSession openSession();

	/**
	 * Starts a CLI process for a conversation of several prompts.
	 * @param options overrides of the client's options, may be {@code null}
	 * @return the session
	 */
	ClaudeCodeSession openSession(ClaudeCodeOptions options);

	/**
	 * Continues an earlier session ({@code --resume}).
	 * @param sessionId the id of the session to resume
	 * @param options overrides of the client's options, may be {@code null}
	 * @return the session
	 */
	ClaudeCodeSession resumeSession(String sessionId, ClaudeCodeOptions options);

}
