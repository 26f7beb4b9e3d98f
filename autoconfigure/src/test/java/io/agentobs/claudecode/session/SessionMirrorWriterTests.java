package io.agentobs.claudecode.session;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionMirrorWriter}.
 */
class SessionMirrorWriterTests {

	private static final Path CONFIG = Path.of("/tmp/claude-config-x");

	private static final String SESSION = "3f2c9a1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b";

	private final RecordingStore store = new RecordingStore();

	private final RecordingListener listener = new RecordingListener();

	@Test
	void keysFollowTheCliFileLayout() {
		Path projects = CONFIG.resolve("projects");
		assertThat(SessionMirrorWriter.keyOf(projects, projects + "/-work-app/" + SESSION + ".jsonl"))
			.isEqualTo(SessionKey.main("-work-app", SESSION));
		assertThat(SessionMirrorWriter.keyOf(projects, projects + "/-work-app/" + SESSION + "/subagents/agent-a1.jsonl"))
			.isEqualTo(new SessionKey("-work-app", SESSION, "subagents/agent-a1"));
		assertThat(SessionMirrorWriter.keyOf(projects, "/elsewhere/-work-app/" + SESSION + ".jsonl")).isNull();
		assertThat(SessionMirrorWriter.keyOf(projects, projects + "/../x/" + SESSION + ".jsonl")).isNull();
	}

	@Test
	void framesOfABurstAreAppendedAsOneBatchPerTranscriptInOrder() {
		SessionMirrorWriter writer = new SessionMirrorWriter(this.store, CONFIG, this.listener);
		List<SessionEntry> first = entries(2);
		List<SessionEntry> second = entries(3);
		writer.enqueue(file(), first);
		writer.enqueue(file(), second);
		assertThat(writer.close(Duration.ofSeconds(5))).isTrue();

		assertThat(this.store.appends).hasSize(1);
		assertThat(this.store.appends.get(0)).containsExactlyElementsOf(concat(first, second));
		assertThat(this.listener.stored).containsExactly(5);
	}

	@Test
	void aFailingStoreIsTriedThreeTimesThenTheBatchIsDroppedAndLaterBatchesAreStoredAgain() throws Exception {
		this.store.failuresLeft.set(3);
		SessionMirrorWriter writer = new SessionMirrorWriter(this.store, CONFIG, this.listener);
		this.store.blocked = new CountDownLatch(1);
		// the caller (the thread reading the CLI) goes on while the store is stuck
		writer.enqueue(file(), entries(2));
		writer.enqueue(file(), entries(0));
		assertThat(this.store.attempts.get()).isZero();
		this.store.blocked.countDown();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (this.listener.dropped.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.store.attempts.get()).isEqualTo(3);
		assertThat(this.listener.dropped).containsExactly(2);

		List<SessionEntry> later = entries(1);
		writer.enqueue(file(), later);
		assertThat(writer.close(Duration.ofSeconds(5))).isTrue();
		assertThat(this.store.appends).containsExactly(later);
	}

	@Test
	void aStoreThatRecoversWithinTheRetriesLosesNothing() {
		this.store.failuresLeft.set(2);
		SessionMirrorWriter writer = new SessionMirrorWriter(this.store, CONFIG, this.listener);
		List<SessionEntry> batch = entries(4);
		writer.enqueue(file(), batch);
		assertThat(writer.close(Duration.ofSeconds(5))).isTrue();
		assertThat(this.store.appends).containsExactly(batch);
		assertThat(this.listener.dropped).isEmpty();
	}

	@Test
	void framesAsTheCliWroteThemAreReadOnTheWritersThreadAndAnUnreadableOneIsDroppedAlone() throws Exception {
		SessionMirrorWriter writer = new SessionMirrorWriter(this.store, CONFIG, this.listener);
		ObjectMapper mapper = new ObjectMapper();
		writer.enqueue(file(), mapper.readTree("[{\"type\":\"user\",\"uuid\":\"u1\"}]"));
		writer.enqueue(file(), mapper.readTree("[{\"type\":\"user\",\"uuid\":\"u2\"},{\"uuid\":\"no-type\"}]"));
		writer.enqueue(file(), mapper.readTree("[{\"type\":\"assistant\",\"uuid\":\"a1\"}]"));
		assertThat(writer.close(Duration.ofSeconds(5))).isTrue();
		assertThat(this.store.appends).hasSize(1);
		assertThat(this.store.appends.get(0)).extracting(SessionEntry::uuid).containsExactly("u1", "a1");
		assertThat(this.listener.stored).containsExactly(2);
	}

	@Test
	void framesAfterCloseAreDroppedAndTheThreadEnds() {
		SessionMirrorWriter writer = new SessionMirrorWriter(this.store, CONFIG, this.listener);
		writer.enqueue(file(), entries(1));
		assertThat(writer.close(Duration.ofSeconds(5))).isTrue();
		writer.enqueue(file(), entries(1));
		assertThat(this.store.appends).hasSize(1);
		assertThat(writer.close(Duration.ofSeconds(5))).as("the writer's thread has ended").isTrue();
	}

	private static String file() {
		return CONFIG.resolve("projects").resolve("-work-app").resolve(SESSION + ".jsonl").toString();
	}

	private static List<SessionEntry> entries(int count) {
		List<SessionEntry> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			entries.add(SessionEntry.parse("{\"type\":\"user\",\"uuid\":\"" + UUID.randomUUID() + "\"}"));
		}
		return entries;
	}

	private static List<SessionEntry> concat(List<SessionEntry> a, List<SessionEntry> b) {
		List<SessionEntry> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	static final class RecordingStore implements ClaudeSessionStore {

		final List<List<SessionEntry>> appends = new CopyOnWriteArrayList<>();

		final AtomicInteger failuresLeft = new AtomicInteger();

		final AtomicInteger attempts = new AtomicInteger();

		final Map<SessionKey, List<SessionEntry>> byKey = new ConcurrentHashMap<>();

		volatile CountDownLatch blocked = new CountDownLatch(0);

		@Override
		public void append(SessionKey key, List<SessionEntry> entries) {
			try {
				this.blocked.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.attempts.incrementAndGet();
			if (this.failuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				throw new IllegalStateException("Connection refused");
			}
			this.appends.add(List.copyOf(entries));
		}

		@Override
		public Optional<List<SessionEntry>> load(SessionKey key) {
			return Optional.ofNullable(this.byKey.get(key));
		}

		@Override
		public List<StoredSession> listSessions(String projectKey) {
			return List.of();
		}

		@Override
		public List<String> listSubpaths(String projectKey, String sessionId) {
			return List.of();
		}

		@Override
		public void delete(SessionKey key) {
		}

		@Override
		public int deleteSessionsOlderThan(Instant cutoff) {
			return 0;
		}

	}

	static final class RecordingListener implements SessionMirrorListener {

		final List<Integer> stored = new CopyOnWriteArrayList<>();

		final List<Integer> dropped = new CopyOnWriteArrayList<>();

		@Override
		public void stored(SessionKey key, int entries, long bytes, Duration latency) {
			this.stored.add(entries);
		}

		@Override
		public void dropped(SessionKey key, int entries, Exception failure) {
			this.dropped.add(entries);
		}

	}

}
