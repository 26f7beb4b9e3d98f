package io.agentobs.claudecode.client.cli;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.ClaudeCodeException;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeProcessException;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeTimeoutException;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.TurnEnd;

/**
 * A run on a CLI process: takes the process's messages until the {@link ResultMessage} that
 * ends the turn (the last one when background tasks make the CLI write several), enforcing
 * the run and idle timeouts.
 */
final class CliClaudeCodeRun implements ClaudeCodeRun {

	private static final long POLL_SLICE_MILLIS = 200;

	private final CliClaudeCodeSession session;

	private final ClaudeCliProcess process;

	private final boolean ownsSession;

	private final Duration runTimeout;

	private final Duration idleTimeout;

	private final long startNanos = System.nanoTime();

	private long lastMessageNanos = this.startNanos;

	private final TurnEnd turnEnd = new TurnEnd();

	private final AtomicBoolean iterated = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile boolean completed;

	CliClaudeCodeRun(CliClaudeCodeSession session, ClaudeCliProcess process, ClaudeCodeOptions options,
			boolean ownsSession) {
		this.session = session;
		this.process = process;
		this.ownsSession = ownsSession;
		this.runTimeout = options.getRunTimeout();
		this.idleTimeout = options.getIdleTimeout();
	}

	@Override
	public Iterator<ClaudeMessage> iterator() {
		if (!this.iterated.compareAndSet(false, true)) {
			throw new IllegalStateException("A Claude Code run can be iterated only once");
		}
		return new Messages();
	}

	@Override
	public void interrupt() {
		if (!isEnded()) {
			CliClaudeCodeSession.interrupt(this.process);
		}
	}

	@Override
	public JsonNode contextUsage() {
		return this.session.contextUsage();
	}

	@Override
	public JsonNode mcpServerStatus() {
		return this.session.mcpServerStatus();
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		if (this.ownsSession) {
			if (!this.completed) {
				this.session.close();
			}
			else {
				this.session.awaitMirror();
			}
		}
		else if (!this.completed) {
			this.session.abandon(this.process, this.turnEnd);
		}
	}

	void sessionClosed() {
		this.closed.set(true);
	}

	boolean isEnded() {
		return this.completed || this.closed.get();
	}

	private ClaudeMessage take() {
		while (!isEnded()) {
			boolean terminated = this.process.isTerminated();
			// A message already queued is delivered whatever the timeouts: a consumer that was slow
			// to come back must not lose the CLI's last lines to a timeout
			ClaudeMessage message = poll(0);
			if (message == null) {
				message = poll(terminated ? 0 : waitMillis());
			}
			if (message != null) {
				this.lastMessageNanos = System.nanoTime();
				this.session.observe(message);
				if (this.turnEnd.follow(message)) {
					this.completed = true;
					if (this.ownsSession) {
						this.process.closeInput();
					}
				}
				return message;
			}
			if (terminated) {
				ClaudeCodeProcessException failure = this.process
					.failure("The Claude Code CLI exited before the result of the run");
				close();
				throw failure;
			}
		}
		return null;
	}

	private ClaudeMessage poll(long millis) {
		try {
			return this.process.poll(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			throw new ClaudeCodeException("Interrupted while waiting for the Claude Code CLI", ex);
		}
	}

	private long waitMillis() {
		long now = System.nanoTime();
		long wait = POLL_SLICE_MILLIS;
		if (this.runTimeout != null) {
			wait = Math.min(wait, remaining(this.runTimeout, this.startNanos, now, "run timeout"));
		}
		if (this.idleTimeout != null) {
			wait = Math.min(wait, remaining(this.idleTimeout, this.lastMessageNanos, now, "idle timeout"));
		}
		return wait;
	}

	private long remaining(Duration timeout, long sinceNanos, long now, String name) {
		long remaining = TimeUnit.NANOSECONDS.toMillis(sinceNanos + timeout.toNanos() - now);
		if (remaining <= 0) {
			// The CLI is stuck or too slow: stop its process rather than wait for an interrupt
			this.closed.set(true);
			this.session.close();
			String process = this.ownsSession ? "its" : "the session's";
			throw new ClaudeCodeTimeoutException("The Claude Code run exceeded its " + name + " of " + timeout + "; "
					+ process + " CLI process was stopped", timeout);
		}
		return remaining;
	}

	private final class Messages implements Iterator<ClaudeMessage> {

		private ClaudeMessage next;

		@Override
		public boolean hasNext() {
			if (this.next == null) {
				this.next = take();
			}
			return this.next != null;
		}

		@Override
		public ClaudeMessage next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			ClaudeMessage message = this.next;
			this.next = null;
			return message;
		}

	}

}
