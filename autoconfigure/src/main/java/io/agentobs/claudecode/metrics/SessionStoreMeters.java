package io.agentobs.claudecode.metrics;

import java.time.Duration;

import io.agentobs.claudecode.session.SessionKey;
import io.agentobs.claudecode.session.SessionMirrorListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of the session store's appends: batches stored ({@code claude_code.session_store.appends},
 * a timer of their latency, retries included), entries ({@code claude_code.session_store.entries}),
 * bytes ({@code claude_code.session_store.bytes}) and batches dropped after their last attempt
 * ({@code claude_code.session_store.failures}, with the entries lost as
 * {@code claude_code.session_store.dropped_entries}).
 */
public class SessionStoreMeters implements SessionMirrorListener {

	private final Timer appends;

	private final Counter entries;

	private final DistributionSummary bytes;

	private final Counter failures;

	private final Counter droppedEntries;

	public SessionStoreMeters(MeterRegistry registry) {
		this.appends = Timer.builder("claude_code.session_store.appends")
			.description("Batches of transcript entries stored in the session store")
			.register(registry);
		this.entries = Counter.builder("claude_code.session_store.entries")
			.description("Transcript entries stored in the session store")
			.register(registry);
		this.bytes = DistributionSummary.builder("claude_code.session_store.bytes")
			.description("Size of the batches stored in the session store")
			.baseUnit("bytes")
			.register(registry);
		this.failures = Counter.builder("claude_code.session_store.failures")
			.description("Batches dropped after three failed attempts to store them")
			.register(registry);
		this.droppedEntries = Counter.builder("claude_code.session_store.dropped_entries")
			.description("Transcript entries dropped with their batch")
			.register(registry);
	}

	@Override
	public void stored(SessionKey key, int entries, long bytes, Duration latency) {
		this.appends.record(latency);
		this.entries.increment(entries);
		this.bytes.record(bytes);
	}

	@Override
	public void dropped(SessionKey key, int entries, Exception failure) {
		this.failures.increment();
		this.droppedEntries.increment(entries);
	}

}
