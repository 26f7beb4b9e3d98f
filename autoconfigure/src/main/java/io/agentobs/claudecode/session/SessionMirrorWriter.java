package io.agentobs.claudecode.session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the transcript entries one CLI process mirrors ({@code transcript_mirror} frames) to a
 * {@link ClaudeSessionStore}, on a thread of its own so that the thread reading the CLI never
 * waits for the database: frames are collected for {@value #BATCH_DELAY_MILLIS} ms and
 * appended per transcript in one batch; a failed append is tried 3 times in all (after 200 and
 * 800 ms, as the TypeScript SDK does), then the batch is dropped with one log line and
 * {@link SessionMirrorListener#dropped}. The run goes on either way. {@link #close} stores
 * what is pending and ends the thread.
 */
public final class SessionMirrorWriter implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SessionMirrorWriter.class);

	static final long BATCH_DELAY_MILLIS = 100;

	private static final long[] BACKOFF_MILLIS = { 200, 800 };

	private final ClaudeSessionStore store;

	private final Path projectsDirectory;

	private final SessionMirrorListener listener;

	private final ScheduledExecutorService executor;

	/** The frames of each transcript since the last flush, read into entries by the flush. */
	private final Map<SessionKey, List<Supplier<List<SessionEntry>>>> pending = new LinkedHashMap<>();

	private boolean flushScheduled;

	private boolean closed;

	/**
	 * A writer of the frames of one CLI process.
	 * @param store the store
	 * @param configDirectory the process's {@code CLAUDE_CONFIG_DIR}: the frames' file paths
	 * are under its {@code projects} directory
	 * @param listener told about each batch
	 */
	public SessionMirrorWriter(ClaudeSessionStore store, Path configDirectory, SessionMirrorListener listener) {
		this.store = store;
		this.projectsDirectory = configDirectory.resolve("projects").toAbsolutePath().normalize();
		this.listener = (listener != null) ? listener : SessionMirrorListener.NONE;
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "claude-code-session-mirror");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * The key of a transcript file: {@code projects/<project key>/<session id>.jsonl}, or
	 * {@code projects/<project key>/<session id>/<subpath>.jsonl} for a subagent's.
	 * @param projectsDirectory the {@code projects} directory
	 * @param filePath the file
	 * @return the key, or {@code null} for a file outside the projects directory
	 */
	static SessionKey keyOf(Path projectsDirectory, String filePath) {
		Path relative;
		try {
			relative = projectsDirectory.relativize(Path.of(filePath).toAbsolutePath().normalize());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int parts = relative.getNameCount();
		if (parts < 2 || relative.getName(0).toString().equals("..")) {
			return null;
		}
		String projectKey = relative.getName(0).toString();
		String second = relative.getName(1).toString();
		if (parts == 2 && second.endsWith(".jsonl")) {
			return SessionKey.main(projectKey, second.substring(0, second.length() - ".jsonl".length()));
		}
		if (parts >= 4) {
			String subpath = relative.subpath(2, parts).toString().replace('\\', '/');
			return new SessionKey(projectKey, second, subpath.replaceAll("\\.jsonl$", ""));
		}
		return null;
	}

	/**
	 * Takes the entries of one frame; returns at once.
	 * @param filePath the frame's {@code filePath}
	 * @param entries its entries
	 */
	public void enqueue(String filePath, List<SessionEntry> entries) {
		enqueue(filePath, () -> entries);
	}

	/**
	 * Takes the entries of one frame as the CLI wrote them; returns at once. They are read into
	 * {@link SessionEntry entries} on the writer's thread, so that the thread reading the CLI
	 * does not write them as JSON again: a frame with an entry that is not a transcript entry
	 * is dropped there with a log line.
	 * @param filePath the frame's {@code filePath}
	 * @param entries its {@code entries}, a JSON array
	 */
	public void enqueue(String filePath, JsonNode entries) {
		enqueue(filePath, () -> {
			List<SessionEntry> read = new ArrayList<>();
			entries.forEach((entry) -> read.add(SessionEntry.of(entry)));
			return read;
		});
	}

	private void enqueue(String filePath, Supplier<List<SessionEntry>> frame) {
		SessionKey key = keyOf(this.projectsDirectory, filePath);
		if (key == null) {
			logger.warn("Dropping a transcript mirror frame: {} is not under {}", filePath, this.projectsDirectory);
			return;
		}
		synchronized (this) {
			if (this.closed) {
				logger.warn("Dropping a transcript mirror frame of session {} that came after its end", key.sessionId());
				return;
			}
			this.pending.computeIfAbsent(key, (k) -> new ArrayList<>()).add(frame);
			if (!this.flushScheduled) {
				this.flushScheduled = true;
				this.executor.schedule(this::flush, BATCH_DELAY_MILLIS, TimeUnit.MILLISECONDS);
			}
		}
	}

	private void flush() {
		Map<SessionKey, List<Supplier<List<SessionEntry>>>> frames;
		synchronized (this) {
			frames = new LinkedHashMap<>(this.pending);
			this.pending.clear();
			this.flushScheduled = false;
		}
		frames.forEach((key, keyFrames) -> {
			List<SessionEntry> batch = read(keyFrames);
			if (batch != null) {
				appendWithRetry(key, batch);
			}
		});
	}

	/**
	 * The entries of the frames of one transcript, in order.
	 * @return the entries, {@code null} when no frame could be read
	 */
	private static List<SessionEntry> read(List<Supplier<List<SessionEntry>>> frames) {
		List<SessionEntry> entries = null;
		for (Supplier<List<SessionEntry>> frame : frames) {
			try {
				List<SessionEntry> read = frame.get();
				entries = (entries != null) ? entries : new ArrayList<>();
				entries.addAll(read);
			}
			catch (RuntimeException ex) {
				logger.warn("Dropping a transcript mirror frame that could not be read: {}", ex.toString());
			}
		}
		return entries;
	}

	private void appendWithRetry(SessionKey key, List<SessionEntry> entries) {
		long started = System.nanoTime();
		Exception failure = null;
		for (int attempt = 0; attempt <= BACKOFF_MILLIS.length; attempt++) {
			try {
				this.store.append(key, entries);
			}
			catch (RuntimeException ex) {
				failure = ex;
				if (attempt < BACKOFF_MILLIS.length && !sleep(BACKOFF_MILLIS[attempt])) {
					break;
				}
				continue;
			}
			// Told after the append only: a listener that fails never makes the batch be stored again
			try {
				long bytes = entries.stream()
					.mapToLong((entry) -> entry.json().getBytes(StandardCharsets.UTF_8).length)
					.sum();
				this.listener.stored(key, entries.size(), bytes, Duration.ofNanos(System.nanoTime() - started));
			}
			catch (RuntimeException ex) {
				logger.debug("A session mirror listener failed", ex);
			}
			return;
		}
		logger.warn("Dropped {} transcript entries of Claude Code session {} after 3 failed attempts to store them: {}",
				entries.size(), key.sessionId(), String.valueOf(failure));
		try {
			this.listener.dropped(key, entries.size(), failure);
		}
		catch (RuntimeException ex) {
			logger.debug("A session mirror listener failed", ex);
		}
	}

	private static boolean sleep(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Stores what is pending and ends the writer's thread, waiting at most a time.
	 * @param timeout the longest to wait
	 * @return whether everything was handled in time
	 */
	public boolean close(Duration timeout) {
		synchronized (this) {
			if (this.closed) {
				return this.executor.isTerminated();
			}
			this.closed = true;
		}
		this.executor.execute(this::flush);
		this.executor.shutdown();
		try {
			if (this.executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		logger.warn("The transcript mirror of a Claude Code session did not finish storing within {}", timeout);
		this.executor.shutdownNow();
		return false;
	}

	@Override
	public void close() {
		close(Duration.ofSeconds(10));
	}

}
