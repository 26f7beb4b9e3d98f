package io.agentobs.claudecode.session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a {@link SessionMirrorWriter} tells its listener of a stored batch: the size in bytes
 * of the entries as stored (UTF-8), and a listener that fails never makes a stored batch be
 * appended again.
 */
class SessionMirrorWriterAccountingTests {

	private static final Path CONFIG = Path.of("/tmp/claude-config-x");

	private static final String FILE = CONFIG.resolve("projects")
		.resolve("-work-app")
		.resolve("3f2c9a1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b.jsonl")
		.toString();

	private final SessionMirrorWriterTests.RecordingStore store = new SessionMirrorWriterTests.RecordingStore();

	@Test
	void theBytesOfABatchAreTheUtf8SizeOfItsEntries() {
		List<Long> bytes = new CopyOnWriteArrayList<>();
		SessionMirrorWriter writer = new SessionMirrorWriter(this.store, CONFIG, new SessionMirrorListener() {

			@Override
			public void stored(SessionKey key, int entries, long size, Duration latency) {
				bytes.add(size);
			}

		});
		List<SessionEntry> entries = List.of(
				SessionEntry.parse("{\"type\":\"user\",\"uuid\":\"u1\",\"message\":{\"content\":\"Grüße aus 東京 🚀\"}}"),
				SessionEntry.parse("{\"type\":\"assistant\",\"uuid\":\"a1\"}"));
		writer.enqueue(FILE, entries);
		assertThat(writer.close(Duration.ofSeconds(5))).isTrue();
		long utf8 = entries.stream().mapToLong((entry) -> entry.json().getBytes(StandardCharsets.UTF_8).length).sum();
		assertThat(bytes).containsExactly(utf8);
	}

	@Test
	void aListenerThatFailsOnAStoredBatchDoesNotMakeItBeAppendedAgain() {
		SessionMirrorWriter writer = new SessionMirrorWriter(this.store, CONFIG, new SessionMirrorListener() {

			@Override
			public void stored(SessionKey key, int entries, long bytes, Duration latency) {
				throw new IllegalStateException("broken meters");
			}

		});
		// An entry without uuid is appended on every attempt: a retry would store it twice
		List<SessionEntry> entries = List.of(SessionEntry.parse("{\"type\":\"custom-title\",\"customTitle\":\"case\"}"));
		writer.enqueue(FILE, entries);
		assertThat(writer.close(Duration.ofSeconds(5))).isTrue();
		assertThat(this.store.appends).containsExactly(entries);
	}

}
