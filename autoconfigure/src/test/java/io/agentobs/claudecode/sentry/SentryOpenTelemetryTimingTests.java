package io.agentobs.claudecode.sentry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.instrument.client.ClaudeCodeMessageAdapter;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import io.agentobs.claudecode.testsupport.OtelTracingFixture;
import io.agentobs.claudecode.testsupport.SentryEnvelopeServer;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sentry.ScopesAdapter;
import io.sentry.Sentry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Sentry and OpenTelemetry copies of each span of a run agree on start and end within
 * 1 ms (Sentry writes microseconds), even when slow handlers run between the tracing handler
 * and the Sentry handler, on start and on stop, and from the JVM's first transaction, whose
 * capture loads much of the Sentry SDK.
 * Spans and envelopes are the real ones: the OTel SDK's in-memory exporter and Sentry
 * envelopes received over HTTP.
 */
class SentryOpenTelemetryTimingTests {

	private static final long TOLERANCE_MICROS = 1_000;

	private SentryEnvelopeServer server;

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final OtelTracingFixture tracing = OtelTracingFixture.inMemory(this.exporter);

	@BeforeEach
	void initSentry() throws IOException {
		this.server = new SentryEnvelopeServer();
		this.server.initSentry();
		this.tracing.registry()
			.observationConfig()
			.observationHandler(new SlowHandler())
			.observationHandler(new SentryAgentObservationHandler(ScopesAdapter.getInstance()));
	}

	@AfterEach
	void close() {
		Sentry.close();
		this.server.close();
		this.tracing.close();
	}

	@Test
	void sentryAndOpenTelemetrySpansAgreeOnStartAndEndFromTheJvmsFirstTransaction() throws InterruptedException {
		// The JVM's first Sentry transaction loads and initializes much of the SDK: its capture
		// must not delay the end of the OpenTelemetry copy
		for (int run = 0; run < 2; run++) {
			this.exporter.reset();
			replay();
			List<JsonNode> transactions = this.server.items("transaction");
			assertThat(transactions).hasSize(run + 1);
			assertSameTimes(transactions.get(run), this.exporter.getFinishedSpanItems());
		}
	}

	private static void assertSameTimes(JsonNode transaction, List<SpanData> finished) {
		List<long[]> sentry = new ArrayList<>();
		sentry.add(new long[] { micros(transaction.get("start_timestamp")), micros(transaction.get("timestamp")) });
		StreamSupport.stream(transaction.path("spans").spliterator(), false)
			.forEach((span) -> sentry.add(new long[] { micros(span.get("start_timestamp")),
					micros(span.get("timestamp")) }));
		sentry.sort(Comparator.comparingLong((long[] times) -> times[0]));
		List<SpanData> otel = new ArrayList<>(finished);
		otel.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
		assertThat(sentry).hasSize(7).hasSameSizeAs(otel);
		for (int i = 0; i < otel.size(); i++) {
			SpanData span = otel.get(i);
			assertThat(sentry.get(i)[0]).as("start of %s", span.getName())
				.isCloseTo(span.getStartEpochNanos() / 1000, within(TOLERANCE_MICROS));
			assertThat(sentry.get(i)[1]).as("end of %s", span.getName())
				.isCloseTo(span.getEndEpochNanos() / 1000, within(TOLERANCE_MICROS));
		}
	}

	private void replay() throws InterruptedException {
		List<ClaudeMessage> messages = Transcripts.parse("subagent-foreground.jsonl");
		AgentRunRecorder recorder = AgentRunObservations.builder(this.tracing.registry()).build()
			.startRun("prompt", null, null, new SessionCost());
		ClaudeCodeMessageAdapter adapter = new ClaudeCodeMessageAdapter();
		for (ClaudeMessage message : messages) {
			Thread.sleep(15);
			adapter.record(message, recorder);
		}
		assertThat(recorder.isFinished()).isTrue();
		Sentry.flush(5000);
	}

	/** Sentry writes timestamps as seconds with a fraction. */
	private static long micros(JsonNode timestamp) {
		return Math.round(timestamp.asDouble() * 1_000_000);
	}

	/** A handler that takes 20 ms to start and to stop an observation, like one that does I/O. */
	private static final class SlowHandler implements ObservationHandler<Observation.Context> {

		@Override
		public void onStart(Observation.Context context) {
			pause();
		}

		@Override
		public void onStop(Observation.Context context) {
			pause();
		}

		private static void pause() {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
