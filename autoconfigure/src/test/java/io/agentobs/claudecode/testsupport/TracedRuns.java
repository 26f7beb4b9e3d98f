package io.agentobs.claudecode.testsupport;

import java.util.Comparator;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces a test's agent runs to OpenTelemetry spans kept in memory, and checks after each
 * test that every observation stopped exactly once. Register it on an instance field with
 * {@code @RegisterExtension}; observe the client with {@link #registry()}.
 */
public final class TracedRuns implements AfterEachCallback {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final OtelTracingFixture tracing = OtelTracingFixture.inMemory(this.exporter);

	private final ObservationTree observations = ObservationTree.of(this.tracing.registry());

	private TracedRuns() {
	}

	/**
	 * Creates the tracing of one test.
	 * @return the extension
	 */
	public static TracedRuns create() {
		return new TracedRuns();
	}

	/**
	 * The registry whose observations become the spans.
	 * @return the registry
	 */
	public ObservationRegistry registry() {
		return this.tracing.registry();
	}

	/**
	 * The propagator of the tracer, for the trace context handed to the CLI.
	 * @return the propagator
	 */
	public OtelPropagator propagator() {
		return this.tracing.propagator();
	}

	/**
	 * Forgets the spans finished so far.
	 */
	public void reset() {
		this.exporter.reset();
	}

	/**
	 * The finished spans, in the order they ended.
	 * @return the spans
	 */
	public List<SpanData> spans() {
		return this.exporter.getFinishedSpanItems();
	}

	/**
	 * The finished spans whose names start with a prefix, in the order they started.
	 * @param namePrefix the prefix
	 * @return the spans
	 */
	public List<SpanData> spans(String namePrefix) {
		return spans().stream()
			.filter((span) -> span.getName().startsWith(namePrefix))
			.sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
			.toList();
	}

	/**
	 * The first finished span of a name.
	 * @param name the span's name
	 * @return the span
	 * @throws AssertionError when there is none, with the span tree
	 */
	public SpanData span(String name) {
		return spans().stream()
			.filter((span) -> span.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span " + name + " in\n" + tree()));
	}

	/**
	 * The finished spans as a tree of names.
	 * @return the tree, one span a line
	 */
	public String tree() {
		return SpanTree.render(spans());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		try {
			assertThat(this.observations.notStoppedExactlyOnce()).isEmpty();
		}
		finally {
			this.tracing.close();
		}
	}

}
