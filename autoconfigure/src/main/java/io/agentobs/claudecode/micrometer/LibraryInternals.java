package io.agentobs.claudecode.micrometer;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * Every read of Micrometer's and Micrometer Tracing's internals, in one place: members that
 * are not API, read by reflection because the API gives no other way. Each member is looked
 * up once and cached; when a later version changes it, the read gives nothing, the failure is
 * logged once, and the caller falls back to what it would do without the read.
 * <p>
 * What each read is for, and when it costs:
 * <ul>
 * <li>{@link #handlers}: {@code SimpleObservation.handlers}, so that the handlers a failing
 * handler or filter kept from a notification can still be told. Read only after such a
 * failure; never on a healthy run. About 30 ns and 80 bytes for two handlers.</li>
 * <li>{@link #globalConventions}: {@code ObservationConfig.getObservationConventions()}, so
 * that a global convention is guarded like a custom one. Read once per observation start when
 * no custom convention is set and the registry is not a no-op: one {@code Method.invoke} of
 * a cached accessible method, about 5 ns and 16 bytes.</li>
 * <li>{@link #wrappedSpan}: {@code SpanFromSpanContext.span} of the OpenTelemetry bridge,
 * so that the Sentry copy of a {@code chat} span takes the OpenTelemetry copy's times. Read
 * at the start and the end of each {@code chat} span when both are present: one
 * {@code Field.get} of a cached accessible field, about 5 ns and no allocation.</li>
 * </ul>
 * The costs are from {@code LibraryInternalsBenchmark} (see {@code docs/benchmarks.md}): against
 * about 25 µs per span for the whole pipeline, they do not show.
 */
public final class LibraryInternals {

	private static final Method GET_OBSERVATION_CONVENTIONS = conventionsMethod();

	private static volatile Field simpleObservationHandlers;

	private static volatile Field spanFromSpanContextSpan;

	private LibraryInternals() {
	}

	/**
	 * The handlers Micrometer notifies for an observation, in registration order.
	 * @param observation a {@code SimpleObservation}
	 * @return the handlers, empty when they cannot be read
	 */
	@SuppressWarnings("rawtypes")
	static List<ObservationHandler> handlers(Observation observation) {
		List<ObservationHandler> handlers = new ArrayList<>();
		try {
			Field field = simpleObservationHandlers;
			if (field == null || field.getDeclaringClass() != observation.getClass()) {
				field = accessible(observation.getClass().getDeclaredField("handlers"));
				simpleObservationHandlers = field;
			}
			((Deque<?>) field.get(observation)).forEach((handler) -> handlers.add((ObservationHandler) handler));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			InstrumentationFailures.log("reading the handlers of an observation whose notification failed", ex);
		}
		return handlers;
	}

	/**
	 * The global conventions registered on a registry, in registration order.
	 * @param registry the registry
	 * @return the conventions, empty when they cannot be read
	 */
	@SuppressWarnings("unchecked")
	static Collection<ObservationConvention<?>> globalConventions(ObservationRegistry registry) {
		if (GET_OBSERVATION_CONVENTIONS == null) {
			return List.of();
		}
		try {
			return (Collection<ObservationConvention<?>>) GET_OBSERVATION_CONVENTIONS
				.invoke(registry.observationConfig());
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			InstrumentationFailures.log("reading the global observation conventions", ex);
			return List.of();
		}
	}

	/**
	 * The span the OpenTelemetry bridge wraps in its package-private
	 * {@code io.micrometer.tracing.otel.bridge.SpanFromSpanContext} (the spans of sender
	 * contexts).
	 * @param wrapper the bridge's wrapper
	 * @return the wrapped OpenTelemetry span, or {@code null} when it cannot be read
	 */
	public static Object wrappedSpan(Object wrapper) {
		try {
			Field field = spanFromSpanContextSpan;
			if (field == null) {
				field = accessible(wrapper.getClass().getDeclaredField("span"));
				spanFromSpanContextSpan = field;
			}
			return field.get(wrapper);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			InstrumentationFailures.log("reading the span of the OpenTelemetry bridge's SpanFromSpanContext", ex);
			return null;
		}
	}

	private static Method conventionsMethod() {
		try {
			Method method = ObservationRegistry.ObservationConfig.class.getDeclaredMethod("getObservationConventions");
			method.setAccessible(true);
			return method;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			InstrumentationFailures.log("finding the global observation conventions", ex);
			return null;
		}
	}

	private static Field accessible(Field field) {
		field.setAccessible(true);
		return field;
	}

}
