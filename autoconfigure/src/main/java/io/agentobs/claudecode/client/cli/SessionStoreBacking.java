package io.agentobs.claudecode.client.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.session.ClaudeSessionStore;
import io.agentobs.claudecode.session.ProjectKeys;
import io.agentobs.claudecode.session.SessionKey;
import io.agentobs.claudecode.session.SessionMirrorListener;
import io.agentobs.claudecode.session.SessionMirrorWriter;

/**
 * Backs the CLI processes of a client with a session store: each process runs with a config
 * directory of its own ({@code CLAUDE_CONFIG_DIR}), holding the stored session it resumes,
 * and mirrors ({@code --session-mirror}) what it writes there to the store; the directory is
 * deleted once the process's output has ended and the store holds the mirror.
 */
final class SessionStoreBacking {

	/** The longest the end of a process waits for the store to hold what it mirrored. */
	static final Duration MIRROR_CLOSE_TIMEOUT = Duration.ofSeconds(10);

	private final ClaudeSessionStore store;

	private final SessionMirrorListener mirrorListener;

	/**
	 * The backing of a client's processes.
	 * @param store the store
	 * @param mirrorListener told about the batches stored and the sessions loaded (metrics)
	 */
	SessionStoreBacking(ClaudeSessionStore store, SessionMirrorListener mirrorListener) {
		this.store = store;
		this.mirrorListener = mirrorListener;
	}

	/**
	 * The store.
	 * @return the store
	 */
	ClaudeSessionStore store() {
		return this.store;
	}

	/**
	 * Fails before any process starts when the store does not have the session to resume.
	 * @param options the options, for the working directory
	 * @param sessionId the session to resume
	 */
	void requireStored(ClaudeCodeOptions options, String sessionId) {
		String projectKey = projectKey(options);
		if (!this.store.contains(SessionKey.main(projectKey, sessionId))) {
			throw StoredSessionFiles.notStored(projectKey, sessionId);
		}
	}

	/**
	 * A config directory of a new process's own and the writer of its mirror frames; the
	 * session to resume written into it.
	 * @param options the options of the process
	 * @param listener told about the load of the session to resume
	 * @return the backing of the process
	 */
	ProcessMirror prepare(ClaudeCodeOptions options, ProcessListenerCalls listener) {
		Path configDirectory = StoredSessionFiles.createConfigDirectory();
		try {
			String resume = (options.getSession() != null) ? options.getSession().getResume() : null;
			if (resume != null) {
				load(configDirectory, projectKey(options), resume, listener);
			}
			AtomicReference<ClaudeCliProcess> process = new AtomicReference<>();
			SessionMirrorListener reporter = new MirrorErrorReporter(this.mirrorListener, process::get);
			return new ProcessMirror(configDirectory, new SessionMirrorWriter(this.store, configDirectory, reporter),
					process);
		}
		catch (RuntimeException ex) {
			StoredSessionFiles.delete(configDirectory);
			throw ex;
		}
	}

	/**
	 * Writes a stored session where the CLI resumes it, telling the process listener and
	 * the client's mirror listener (metrics) of the load.
	 */
	private void load(Path configDirectory, String projectKey, String sessionId, ProcessListenerCalls listener) {
		listener.sessionLoadStarted(sessionId);
		long start = System.nanoTime();
		long[] counts;
		try {
			counts = StoredSessionFiles.materialize(this.store, configDirectory, projectKey, sessionId);
		}
		catch (RuntimeException ex) {
			listener.sessionLoadFinished(sessionId, 0, 0, ex);
			ListenerCalls.run("session mirror listener", "a failed session load", () -> this.mirrorListener.loadFailed(SessionKey.main(projectKey, sessionId), ex,
					Duration.ofNanos(System.nanoTime() - start)));
			throw ex;
		}
		listener.sessionLoadFinished(sessionId, counts[0], counts[1], null);
		ListenerCalls.run("session mirror listener", "a session load", () -> this.mirrorListener.loaded(SessionKey.main(projectKey, sessionId), counts[0],
				counts[1], Duration.ofNanos(System.nanoTime() - start)));
	}

	/**
	 * The project key the CLI stores the sessions of the options' working directory under.
	 */
	private static String projectKey(ClaudeCodeOptions options) {
		return ProjectKeys.ofWorkingDirectory(options.getWorkingDirectory());
	}

	/**
	 * The backing of one process.
	 * @param configDirectory its config directory
	 * @param writer takes its {@code transcript_mirror} frames
	 * @param process the process, once started: where a dropped batch is reported
	 */
	record ProcessMirror(Path configDirectory, SessionMirrorWriter writer, AtomicReference<ClaudeCliProcess> process) {

		/**
		 * The command line that mirrors to the store.
		 * @param command the command line
		 * @return it with {@code --session-mirror}
		 */
		List<String> command(List<String> command) {
			List<String> mirroring = new ArrayList<>(command);
			mirroring.add("--session-mirror");
			return mirroring;
		}

		/**
		 * The environment that points the CLI to its config directory.
		 * @param environment the variables added to the process's environment
		 * @return them with {@code CLAUDE_CONFIG_DIR}
		 */
		Map<String, String> environment(Map<String, String> environment) {
			Map<String, String> backed = new LinkedHashMap<>(environment);
			backed.put("CLAUDE_CONFIG_DIR", this.configDirectory.toString());
			return backed;
		}

		/**
		 * Attaches the started process: it takes the reports of dropped batches, and its
		 * output's end stores what is pending and deletes the config directory.
		 * @param started the process
		 * @return completes once the store holds what the process mirrored (after it ended)
		 */
		CompletableFuture<Void> attach(ClaudeCliProcess started) {
			this.process.set(started);
			CompletableFuture<Void> mirrored = new CompletableFuture<>();
			started.onOutputEnd(() -> {
				try {
					end(MIRROR_CLOSE_TIMEOUT);
				}
				finally {
					mirrored.complete(null);
				}
			});
			return mirrored;
		}

		/**
		 * Ends the backing of a process that could not start: its writer at once, its
		 * config directory deleted.
		 */
		void abandon() {
			end(Duration.ZERO);
		}

		private void end(Duration timeout) {
			try {
				this.writer.close(timeout);
			}
			finally {
				StoredSessionFiles.delete(this.configDirectory);
			}
		}

	}

}
