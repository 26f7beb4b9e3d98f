package io.agentobs.claudecode.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Told when the client starts a CLI process for a call, for telemetry: it adds variables to
 * the process's environment (a trace context) and learns of the load of a stored session the
 * process resumes. Called on the thread that starts the process: the caller of
 * {@code query}, of {@code send} (a session that starts its process at its first prompt, or
 * a process per turn) or of a session's control method. Must be quick; what it throws is
 * logged and ignored.
 */
public interface ClaudeProcessListener {

	/**
	 * The variables to add to the environment of the process about to start; the options'
	 * own {@code environment} wins over them.
	 * @return the variables, empty for none
	 */
	default Map<String, String> environment() {
		return Map.of();
	}

	/**
	 * The client starts loading a stored session from its session store, to write it where
	 * the CLI resumes it.
	 * @param sessionId the session
	 */
	default void sessionLoadStarted(String sessionId) {
	}

	/**
	 * The load of a stored session ended.
	 * @param sessionId the session
	 * @param entries how many transcript entries were loaded (subagents' included)
	 * @param bytes the size of their JSON lines
	 * @param failure why the load failed, {@code null} when it succeeded
	 */
	default void sessionLoadFinished(String sessionId, long entries, long bytes, Throwable failure) {
	}

	/**
	 * A listener that tells this listener, then the other; the other's variables win.
	 * @param other the listener to call second, may be {@code null}
	 * @return the combined listener
	 */
	default ClaudeProcessListener andThen(ClaudeProcessListener other) {
		if (other == null) {
			return this;
		}
		ClaudeProcessListener first = this;
		return new ClaudeProcessListener() {

			@Override
			public Map<String, String> environment() {
				Map<String, String> environment = new LinkedHashMap<>(first.environment());
				environment.putAll(other.environment());
				return environment;
			}

			@Override
			public void sessionLoadStarted(String sessionId) {
				first.sessionLoadStarted(sessionId);
				other.sessionLoadStarted(sessionId);
			}

			@Override
			public void sessionLoadFinished(String sessionId, long entries, long bytes, Throwable failure) {
				first.sessionLoadFinished(sessionId, entries, bytes, failure);
				other.sessionLoadFinished(sessionId, entries, bytes, failure);
			}

		};
	}

}
