package io.agentobs.claudecode.client.cli;

import java.lang.ref.Cleaner;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.ClaudeCodeControlException;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.client.message.TurnEnd;
import io.agentobs.claudecode.client.options.SessionOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session: writes prompts to the stdin of its CLI process and hands out one
 * {@link CliClaudeCodeRun} per prompt. The process starts when the session opens, or at the
 * first prompt (a session resumed from a session store, whose load belongs to that turn), or
 * anew for every prompt ({@link ClaudeCodeOptions#isProcessPerTurn() a process per turn}:
 * each later process resumes the session, and the one before ends when the next prompt
 * comes).
 */
final class CliClaudeCodeSession implements ClaudeCodeSession {

	private static final Logger logger = LoggerFactory.getLogger(CliClaudeCodeSession.class);

	private static final long ABANDON_GRACE_MILLIS = 5000;

	/** The longest a prompt waits for the process of the turn before to end. */
	private static final long RETIRE_TIMEOUT_MILLIS = 10_000;

	/** Ends the CLI of a session (or one-shot run) dropped without being closed. */
	private static final Cleaner CLEANER = Cleaner.create((runnable) -> {
		Thread thread = new Thread(runnable, "claude-code-cli-cleaner");
		thread.setDaemon(true);
		return thread;
	});

	private final Launcher launcher;

	private final ClaudeCodeOptions options;

	private final boolean processPerTurn;

	private volatile String sessionId;

	/** Whether a process of this session has started the CLI's session (its {@code init}). */
	private volatile boolean sessionStarted;

	private LaunchedProcess live;

	private CliClaudeCodeRun current;

	private boolean closed;

	private final ProcessEnd processEnd;

	private final Cleaner.Cleanable abandonment;

	private String changedModel;

	private boolean modelChanged;

	private String changedPermissionMode;

	/**
	 * A session.
	 * @param launcher starts the session's CLI processes
	 * @param options the options of the session (the client's defaults merged with the call's)
	 * @param knownSessionId the session id when it was chosen or resumed without forking
	 * @param startNow whether the process starts now rather than at the first prompt
	 */
	CliClaudeCodeSession(Launcher launcher, ClaudeCodeOptions options, String knownSessionId, boolean startNow) {
		this.launcher = launcher;
		this.options = options;
		this.processPerTurn = options.isProcessPerTurn();
		this.sessionId = knownSessionId;
		this.processEnd = new ProcessEnd();
		this.abandonment = CLEANER.register(this, this.processEnd);
		if (startNow) {
			this.live = launch(options);
		}
	}

	@Override
	public ClaudeCodeRun send(String prompt) {
		return start(prompt, false);
	}

	/**
	 * Starts a run.
	 * @param prompt the prompt
	 * @param ownsSession whether the run is the only one and closes the session
	 * @return the run
	 */
	synchronized CliClaudeCodeRun start(String prompt, boolean ownsSession) {
		if (prompt == null) {
			throw new IllegalArgumentException("The prompt must not be null");
		}
		if (this.closed) {
			throw new IllegalStateException("The Claude Code session is closed");
		}
		if (this.current != null && !this.current.isEnded()) {
			throw new IllegalStateException("The previous run of this Claude Code session has not ended");
		}
		ClaudeCliProcess process = processOfTurn();
		if (process.isTerminated()) {
			throw process.failure("The Claude Code CLI of this session has exited");
		}
		awaitInitialization(process);
		CliClaudeCodeRun run = new CliClaudeCodeRun(this, process, this.options, ownsSession);
		process.write(process.input().userMessage(prompt, this.sessionId));
		this.current = run;
		return run;
	}

	/**
	 * The process of the next turn: the session's one, started at the first prompt; with a
	 * process per turn, a new one for every turn after the first whose process has served a
	 * turn (or has died), once that one has ended.
	 */
	private ClaudeCliProcess processOfTurn() {
		if (this.live == null) {
			this.live = launch(this.options);
		}
		else if (this.processPerTurn && (this.current != null || this.live.process().isTerminated())) {
			retire(this.live);
			this.live = launch(optionsOfLaterProcess());
		}
		return this.live.process();
	}

	/**
	 * The options of a process started after the session's first: it resumes the session
	 * (once the CLI started it) with the model and permission mode the session changed to.
	 */
	private ClaudeCodeOptions optionsOfLaterProcess() {
		ClaudeCodeOptions.Builder builder = this.options.toBuilder();
		if (this.sessionStarted && this.sessionId != null) {
			builder.session(SessionOptions.resume(this.sessionId));
		}
		if (this.modelChanged) {
			builder.model(this.changedModel);
		}
		if (this.changedPermissionMode != null) {
			builder.permissionMode(this.changedPermissionMode);
		}
		return builder.build();
	}

	private LaunchedProcess launch(ClaudeCodeOptions launchOptions) {
		LaunchedProcess launched = this.launcher.launch(launchOptions);
		this.processEnd.started(launched.process());
		return launched;
	}

	/**
	 * Ends the process of the turn before: closes its input, which lets the CLI finish
	 * writing its transcript and exit, and waits for that (and for the session store to hold
	 * what it mirrored), at most a bounded time, before it is stopped.
	 */
	private void retire(LaunchedProcess previous) {
		ClaudeCliProcess process = previous.process();
		process.closeInput();
		if (!process.awaitTermination(RETIRE_TIMEOUT_MILLIS)) {
			logger.warn("The Claude Code CLI process {} of the session's previous turn did not end within {} ms; "
					+ "it is stopped", process.pid(), RETIRE_TIMEOUT_MILLIS);
		}
		awaitMirror(previous);
		process.destroy();
	}

	/**
	 * The session's process for a control request: started when the session has none yet.
	 */
	private synchronized ClaudeCliProcess controlProcess() {
		if (this.closed) {
			throw new IllegalStateException("The Claude Code session is closed");
		}
		if (this.live == null) {
			this.live = launch(this.options);
		}
		return this.live.process();
	}

	/**
	 * Waits for the answer to {@code initialize} before the first prompt, so that a refused
	 * registration of hooks or servers fails the call that would have relied on it.
	 */
	private static void awaitInitialization(ClaudeCliProcess process) {
		try {
			process.control().initializeResponse();
		}
		catch (ClaudeCodeControlException ex) {
			if (process.isTerminated()) {
				throw process.failure("The Claude Code CLI exited before it answered initialize");
			}
			throw ex;
		}
	}

	@Override
	public String sessionId() {
		return this.sessionId;
	}

	@Override
	public JsonNode initializeResponse() {
		return controlProcess().control().initializeResponse();
	}

	@Override
	public void setModel(String model) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("model", model);
		controlProcess().control().request("set_model", fields);
		synchronized (this) {
			this.changedModel = model;
			this.modelChanged = true;
		}
	}

	@Override
	public void setPermissionMode(String permissionMode) {
		controlProcess().control().request("set_permission_mode", Map.of("mode", permissionMode));
		synchronized (this) {
			this.changedPermissionMode = permissionMode;
		}
	}

	@Override
	public JsonNode mcpServerStatus() {
		return controlProcess().control().request("mcp_status", null).path("mcpServers");
	}

	@Override
	public JsonNode contextUsage() {
		return controlProcess().control().request("get_context_usage", null);
	}

	@Override
	public void stopTask(String taskId) {
		controlProcess().control().request("stop_task", Map.of("task_id", taskId));
	}

	void observe(ClaudeMessage message) {
		if (message instanceof SystemMessage system && system.isInit() && system.sessionId() != null) {
			this.sessionId = system.sessionId();
			this.sessionStarted = true;
		}
	}

	/**
	 * Asks the CLI to stop the turn in progress.
	 * @param process the process of the turn
	 */
	static void interrupt(ClaudeCliProcess process) {
		// The answer is not awaited: the run ends with the turn's result; a refusal is logged
		process.control().send(Json.mapper().createObjectNode().put("subtype", "interrupt"));
	}

	/**
	 * Stops a run closed before its result: interrupts the turn and discards its remaining
	 * messages up to the result that ends it (after background tasks, the last one), so the
	 * next prompt starts clean. When the CLI does not end the turn promptly (or has died),
	 * a session with a process per turn stops that process only, since its next prompt starts
	 * another; any other session is closed.
	 * @param process the process of the run
	 * @param turnEnd the run's view of its turn, followed on the closing thread from now on
	 */
	void abandon(ClaudeCliProcess process, TurnEnd turnEnd) {
		interrupt(process);
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ABANDON_GRACE_MILLIS);
		try {
			while (!process.isTerminated()) {
				long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (remaining <= 0) {
					break;
				}
				ClaudeMessage message = process.poll(Math.min(remaining, 200));
				if (message != null) {
					observe(message);
					if (turnEnd.follow(message)) {
						return;
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.processPerTurn) {
			process.destroy();
			return;
		}
		close();
	}

	/**
	 * Ends the CLI process; a run still being iterated ends quietly.
	 */
	@Override
	public void close() {
		CliClaudeCodeRun run;
		LaunchedProcess last;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			run = this.current;
			last = this.live;
		}
		if (run != null) {
			run.sessionClosed();
		}
		if (last != null && last.mirrored() != null) {
			// The CLI mirrors its last entries (cost-state) after the result: let it end
			last.process().closeInput();
			awaitMirror(last);
		}
		this.processEnd.now();
		this.abandonment.clean();
	}

	/**
	 * Waits, at most a little longer than the mirror's close timeout, until the session store holds what the session's
	 * process wrote (after it has ended). Returns at once without a store.
	 */
	void awaitMirror() {
		LaunchedProcess last;
		synchronized (this) {
			last = this.live;
		}
		if (last != null) {
			awaitMirror(last);
		}
	}

	private void awaitMirror(LaunchedProcess launched) {
		if (launched.mirrored() == null) {
			return;
		}
		try {
			launched.mirrored().get(SessionStoreBacking.MIRROR_CLOSE_TIMEOUT.toMillis() + 3000, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// the writer logged what it could not store
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Starts the CLI processes of a session.
	 */
	@FunctionalInterface
	interface Launcher {

		/**
		 * Starts a CLI process and sends it {@code initialize} when due.
		 * @param options the options of the process
		 * @return the started process
		 */
		LaunchedProcess launch(ClaudeCodeOptions options);

	}

	/**
	 * A started CLI process.
	 * @param process the process
	 * @param mirrored completes once a session store holds what the process mirrored (after
	 * it ended), {@code null} without a store
	 */
	record LaunchedProcess(ClaudeCliProcess process, CompletableFuture<Void> mirrored) {
	}

	/**
	 * Ends the session's current CLI process once: at once when the session is closed, in the
	 * background when the garbage collector finds the session dropped. Must not reference the
	 * session.
	 */
	private static final class ProcessEnd implements Runnable {

		private ClaudeCliProcess current;

		private boolean ended;

		/**
		 * Makes a process the current one; stops it at once when the session has ended.
		 */
		void started(ClaudeCliProcess process) {
			synchronized (this) {
				if (!this.ended) {
					this.current = process;
					return;
				}
			}
			process.destroy();
		}

		void now() {
			ClaudeCliProcess process = end();
			if (process != null) {
				process.destroy();
			}
		}

		@Override
		public void run() {
			ClaudeCliProcess process = end();
			if (process != null) {
				ProcessTree.inBackground(process::destroy);
			}
		}

		private synchronized ClaudeCliProcess end() {
			if (this.ended) {
				return null;
			}
			this.ended = true;
			return this.current;
		}

	}

}
