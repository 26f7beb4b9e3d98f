package io.agentobs.claudecode.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.agentobs.claudecode.session.ClaudeSessionStore;
import io.agentobs.claudecode.session.SessionEntry;
import io.agentobs.claudecode.session.SessionKey;
import io.agentobs.claudecode.session.StoredSession;

/**
 * A {@link ClaudeSessionStore} in memory for tests of the client: counts its loads and can be
 * made to fail them (while {@link #contains} still answers, as a database that goes down
 * between the check at resume and the load at the first prompt).
 */
public final class InMemorySessionStore implements ClaudeSessionStore {

	private final Map<SessionKey, List<SessionEntry>> transcripts = new ConcurrentHashMap<>();

	private final AtomicInteger loads = new AtomicInteger();

	private volatile RuntimeException loadFailure;

	/**
	 * Stores transcript lines.
	 * @param key the transcript
	 * @param jsonLines its entries, one JSON object each
	 * @return this store
	 */
	public InMemorySessionStore put(SessionKey key, String... jsonLines) {
		List<SessionEntry> entries = new ArrayList<>();
		for (String line : jsonLines) {
			entries.add(SessionEntry.parse(line));
		}
		append(key, entries);
		return this;
	}

	/**
	 * Makes every later {@link #load} throw.
	 * @param failure what it throws
	 */
	public void failLoads(RuntimeException failure) {
		this.loadFailure = failure;
	}

	/**
	 * How many times {@link #load} was called.
	 * @return the loads
	 */
	public int loads() {
		return this.loads.get();
	}

	@Override
	public synchronized void append(SessionKey key, List<SessionEntry> entries) {
		List<SessionEntry> stored = this.transcripts.computeIfAbsent(key, (k) -> new ArrayList<>());
		for (SessionEntry entry : entries) {
			if (entry.uuid() == null || stored.stream().noneMatch((other) -> entry.uuid().equals(other.uuid()))) {
				stored.add(entry);
			}
		}
	}

	@Override
	public synchronized Optional<List<SessionEntry>> load(SessionKey key) {
		this.loads.incrementAndGet();
		RuntimeException failure = this.loadFailure;
		if (failure != null) {
			throw failure;
		}
		List<SessionEntry> stored = this.transcripts.get(key);
		return (stored != null) ? Optional.of(List.copyOf(stored)) : Optional.empty();
	}

	@Override
	public boolean contains(SessionKey key) {
		return this.transcripts.containsKey(key);
	}

	@Override
	public List<StoredSession> listSessions(String projectKey) {
		return List.of();
	}

	@Override
	public synchronized List<String> listSubpaths(String projectKey, String sessionId) {
		return this.transcripts.keySet()
			.stream()
			.filter((key) -> !key.isMain() && key.projectKey().equals(projectKey) && key.sessionId().equals(sessionId))
			.map(SessionKey::subpath)
			.sorted()
			.toList();
	}

	@Override
	public synchronized void delete(SessionKey key) {
		this.transcripts.keySet()
			.removeIf((stored) -> stored.equals(key) || (key.isMain() && stored.projectKey().equals(key.projectKey())
					&& stored.sessionId().equals(key.sessionId())));
	}

	@Override
	public int deleteSessionsOlderThan(Instant cutoff) {
		return 0;
	}

}
