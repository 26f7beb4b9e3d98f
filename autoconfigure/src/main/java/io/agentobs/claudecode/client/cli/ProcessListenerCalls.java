package io.agentobs.claudecode.client.cli;

import java.util.Map;

import io.agentobs.claudecode.client.ClaudeProcessListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the {@link ClaudeProcessListener} of a process start, if any: what it throws is
 * logged and ignored, so that telemetry never stops a run.
 */
final class ProcessListenerCalls {

	private static final Logger logger = LoggerFactory.getLogger(ProcessListenerCalls.class);

	private final ClaudeProcessListener listener;

	ProcessListenerCalls(ClaudeProcessListener listener) {
		this.listener = listener;
	}

	Map<String, String> environment() {
		if (this.listener == null) {
			return Map.of();
		}
		try {
			Map<String, String> environment = this.listener.environment();
			return (environment != null) ? environment : Map.of();
		}
		catch (RuntimeException ex) {
			logger.warn("The Claude Code process listener failed to give the CLI's environment; it is ignored", ex);
			return Map.of();
		}
	}

	void sessionLoadStarted(String sessionId) {
		if (this.listener != null) {
			ListenerCalls.run("process listener", "the start of a session load", () -> this.listener.sessionLoadStarted(sessionId));
		}
	}

	void sessionLoadFinished(String sessionId, long entries, long bytes, Throwable failure) {
		if (this.listener != null) {
			ListenerCalls.run("process listener", "the end of a session load",
					() -> this.listener.sessionLoadFinished(sessionId, entries, bytes, failure));
		}
	}

}
