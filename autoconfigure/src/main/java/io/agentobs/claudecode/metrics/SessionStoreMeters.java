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
 * {@code claude_code.session_store.dropped_entries}); and of its loads before a resume
 * ({@code claude_code.session_store.loads}, a timer tagged {@code outcome} {@code success} or
 * {@code failure}, with the entries loaded as {@code claude_code.session_store.loaded_entries}).
 */
public class SessionStoreMeters implements SessionMirrorListener {

	private final Timer appends;

	private final Counter entries;

	private final DistributionSummary bytes;

	private final Counter failures;

	private final Counter droppedEntries;

	private final Timer loads;

	private final Timer failedLoads;

	private final DistributionSummary loadedEntries;

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
		this.loads = loads(registry, "success");
		this.failedLoads = loads(registry, "failure");
		this.loadedEntries = DistributionSummary.builder("claude_code.session_store.loaded_entries")
			.description("Transcript entries loaded from the session store to resume a session")
			.register(registry);
	}

	private static Timer loads(MeterRegistry registry, String outcome) {
		return Timer.builder("claude_code.session_store.loads")
			.description("Loads of stored sessions before the CLI resumes them")
			.tag("outcome", outcome)
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

	@Override
	public void loaded(SessionKey key, long entries, long bytes, Duration latency) {
		this.loads.record(latency);
		this.loadedEntries.record(entries);
	}

	@Override
	public void loadFailed(SessionKey key, Exception failure, Duration latency) {
		this.failedLoads.record(latency);
	}

}
