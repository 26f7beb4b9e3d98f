package io.agentobs.claudecode.micrometer;

import java.lang.reflect.Constructor;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each read of {@link LibraryInternals} costs: the handlers of an observation (two
 * handlers), the global conventions of a registry (one convention) and the span the
 * OpenTelemetry bridge wraps. In the package of {@link LibraryInternals} to call its
 * package-private reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LibraryInternalsBenchmark {

	private ObservationRegistry registry;

	private Observation observation;

	private Object wrapper;

	@Setup
	public void setUp() throws ReflectiveOperationException {
		this.registry = ObservationRegistry.create();
		this.registry.observationConfig()
			.observationHandler(new AcceptingHandler())
			.observationHandler(new AcceptingHandler())
			.observationConvention(new NamingConvention());
		this.observation = Observation.createNotStarted("benchmark", this.registry);
		Class<?> type = Class.forName("io.micrometer.tracing.otel.bridge.SpanFromSpanContext");
		Constructor<?> constructor = type.getDeclaredConstructors()[0];
		constructor.setAccessible(true);
		this.wrapper = constructor.newInstance(Span.getInvalid(), SpanContext.getInvalid(), null);
	}

	@Benchmark
	@SuppressWarnings("rawtypes")
	public List<ObservationHandler> handlers() {
		return LibraryInternals.handlers(this.observation);
	}

	@Benchmark
	public Collection<ObservationConvention<?>> globalConventions() {
		return LibraryInternals.globalConventions(this.registry);
	}

	@Benchmark
	public Object wrappedSpan() {
		return LibraryInternals.wrappedSpan(this.wrapper);
	}

	private static final class AcceptingHandler implements ObservationHandler<Observation.Context> {

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	private static final class NamingConvention implements GlobalObservationConvention<Observation.Context> {

		@Override
		public boolean supportsContext(Observation.Context context) {
			return false;
		}

		@Override
		public String getName() {
			return "benchmark";
		}

	}

}
