package io.agentobs.claudecode.session;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes the stored sessions whose last entry is older than the retention, on a thread of its
 * own that starts and stops with the application context: first when it starts, then every
 * tenth of the retention (at least every minute, at most every hour). A failed cleanup is
 * logged and tried again at the next tick.
 */
public class SessionRetentionCleaner implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SessionRetentionCleaner.class);

	private final ClaudeSessionStore store;

	private final Duration retention;

	private final Clock clock;

	private ScheduledExecutorService executor;

	/**
	 * A cleaner of a store.
	 * @param store the store
	 * @param retention how long a session is kept after its last entry
	 * @param clock the clock
	 */
	public SessionRetentionCleaner(ClaudeSessionStore store, Duration retention, Clock clock) {
		if (retention == null || retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("claude-code.sessions.retention must be positive, but was " + retention);
		}
		this.store = store;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * Deletes the sessions older than the retention now.
	 * @return how many were deleted
	 */
	public int cleanUp() {
		return this.store.deleteSessionsOlderThan(this.clock.instant().minus(this.retention));
	}

	private void cleanUpLogged() {
		try {
			int deleted = cleanUp();
			if (deleted > 0) {
				logger.debug("Deleted {} stored Claude Code session(s) older than {}", deleted, this.retention);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Deleting the stored Claude Code sessions older than {} failed: {}", this.retention,
					ex.toString());
		}
	}

	Duration period() {
		Duration tenth = this.retention.dividedBy(10);
		if (tenth.compareTo(Duration.ofMinutes(1)) < 0) {
			return Duration.ofMinutes(1);
		}
		return (tenth.compareTo(Duration.ofHours(1)) > 0) ? Duration.ofHours(1) : tenth;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "claude-code-session-retention");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::cleanUpLogged, 0, period().toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor == null) {
			return;
		}
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.executor = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
