package io.agentobs.claudecode.testsupport;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;

/**
 * A test client with one-shot runs only: sessions are not supported.
 */
public abstract class OneShotClaudeCodeClient implements ClaudeCodeClient {

	@Override
	public ClaudeCodeRun query(String prompt) {
		return query(prompt, null);
	}

	@Override
	public ClaudeCodeSession openSession() {
		throw new UnsupportedOperationException();
	}

	@Override
	public ClaudeCodeSession openSession(ClaudeCodeOptions options) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ClaudeCodeSession resumeSession(String sessionId, ClaudeCodeOptions options) {
		throw new UnsupportedOperationException();
	}

}
