package io.agentobs.claudecode.client.cli;

import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.ClaudeCodeControlException;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.client.message.TurnEnd;

/**
 * A session on one CLI process: writes prompts to its stdin and hands out one
 * {@link CliClaudeCodeRun} per prompt.
 */
final class CliClaudeCodeSession implements ClaudeCodeSession {

	private static final long ABANDON_GRACE_MILLIS = 5000;

	/** Ends the CLI of a session (or one-shot run) dropped without being closed. */
	private static final Cleaner CLEANER = Cleaner.create((runnable) -> {
		Thread thread = new Thread(runnable, "claude-code-cli-cleaner");
		thread.setDaemon(true);
		return thread;
	});

	private final ClaudeCliProcess process;

	private final StreamJsonInput input;

	private final ClaudeCodeOptions options;

	private volatile String sessionId;

	private CliClaudeCodeRun current;

	private boolean closed;

	private final ProcessEnd processEnd;

	private final Cleaner.Cleanable abandonment;

	private final CompletableFuture<Void> mirrored;

	private final Duration mirrorTimeout;

	CliClaudeCodeSession(ClaudeCliProcess process, StreamJsonInput input, ClaudeCodeOptions options,
			String knownSessionId) {
		this(process, input, options, knownSessionId, null, Duration.ZERO);
	}

	/**
	 * A session whose transcript is mirrored to a session store.
	 * @param mirrored completes once the mirror has stored what the CLI wrote, {@code null}
	 * without a store
	 * @param mirrorTimeout the longest closing waits for it
	 */
	CliClaudeCodeSession(ClaudeCliProcess process, StreamJsonInput input, ClaudeCodeOptions options,
			String knownSessionId, CompletableFuture<Void> mirrored, Duration mirrorTimeout) {
		this.mirrored = mirrored;
		this.mirrorTimeout = mirrorTimeout;
		this.process = process;
		this.processEnd = new ProcessEnd(process);
		this.abandonment = CLEANER.register(this, this.processEnd);
		this.input = input;
		this.options = options;
		this.sessionId = knownSessionId;
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
		if (this.process.isTerminated()) {
			throw this.process.failure("The Claude Code CLI of this session has exited");
		}
		awaitInitialization();
		CliClaudeCodeRun run = new CliClaudeCodeRun(this, this.process, this.options, ownsSession);
		this.process.write(this.input.userMessage(prompt, this.sessionId));
		this.current = run;
		return run;
	}

	/**
	 * Waits for the answer to {@code initialize} before the first prompt, so that a refused
	 * registration of hooks or servers fails the call that would have relied on it.
	 */
	private void awaitInitialization() {
		try {
			this.process.control().initializeResponse();
		}
		catch (ClaudeCodeControlException ex) {
			if (this.process.isTerminated()) {
				throw this.process.failure("The Claude Code CLI exited before it answered initialize");
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
		return this.process.control().initializeResponse();
	}

	@Override
	public void setModel(String model) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("model", model);
		this.process.control().request("set_model", fields);
	}

	@Override
	public void setPermissionMode(String permissionMode) {
		this.process.control().request("set_permission_mode", Map.of("mode", permissionMode));
	}

	@Override
	public JsonNode mcpServerStatus() {
		return this.process.control().request("mcp_status", null).path("mcpServers");
	}

	@Override
	public JsonNode contextUsage() {
		return this.process.control().request("get_context_usage", null);
	}

	@Override
	public void stopTask(String taskId) {
		this.process.control().request("stop_task", Map.of("task_id", taskId));
	}

	void observe(ClaudeMessage message) {
		if (message instanceof SystemMessage system && system.isInit() && system.sessionId() != null) {
			this.sessionId = system.sessionId();
		}
	}

	void interrupt() {
		// The answer is not awaited: the run ends with the turn's result; a refusal is logged
		this.process.control().send(Json.mapper().createObjectNode().put("subtype", "interrupt"));
	}

	/**
	 * Stops a run closed before its result: interrupts the turn and discards its remaining
	 * messages up to the result that ends it (after background tasks, the last one), so the
	 * next prompt starts clean; closes the session when the CLI does not end the turn
	 * promptly.
	 * @param turnEnd the run's view of its turn, followed on the closing thread from now on
	 */
	void abandon(TurnEnd turnEnd) {
		interrupt();
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ABANDON_GRACE_MILLIS);
		try {
			while (!this.process.isTerminated()) {
				long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (remaining <= 0) {
					break;
				}
				ClaudeMessage message = this.process.poll(Math.min(remaining, 200));
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
		close();
	}

	/**
	 * Ends the CLI process; a run still being iterated ends quietly.
	 */
	@Override
	public void close() {
		CliClaudeCodeRun run;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			run = this.current;
		}
		if (run != null) {
			run.sessionClosed();
		}
		if (this.mirrored != null) {
			// The CLI mirrors its last entries (cost-state) after the result: let it end
			this.process.closeInput();
			awaitMirror();
		}
		this.processEnd.now();
		this.abandonment.clean();
	}

	/**
	 * Waits, at most the mirror timeout, until the session store holds what the CLI wrote
	 * (after the process has ended). Returns at once without a store.
	 */
	void awaitMirror() {
		if (this.mirrored == null) {
			return;
		}
		try {
			this.mirrored.get(this.mirrorTimeout.toMillis() + 3000, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// the writer logged what it could not store
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Ends the CLI process once: at once when the session is closed, in the background when
	 * the garbage collector finds the session dropped. Must not reference the session.
	 */
	private static final class ProcessEnd implements Runnable {

		private final ClaudeCliProcess process;

		private final AtomicBoolean ended = new AtomicBoolean();

		ProcessEnd(ClaudeCliProcess process) {
			this.process = process;
		}

		void now() {
			if (this.ended.compareAndSet(false, true)) {
				this.process.destroy();
			}
		}

		@Override
		public void run() {
			if (this.ended.compareAndSet(false, true)) {
				ProcessTree.inBackground(this.process::destroy);
			}
		}

	}

}
