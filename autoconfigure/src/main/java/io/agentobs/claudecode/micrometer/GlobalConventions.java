package io.agentobs.claudecode.micrometer;

import java.util.Collection;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;

/**
 * Finds the global convention (registered on the registry) that Micrometer would choose for a
 * context, so that it can be guarded like a custom one. Micrometer keeps the list
 * package-private ({@link LibraryInternals#globalConventions}); a convention whose
 * {@code supportsContext} throws is skipped.
 */
final class GlobalConventions {

	private GlobalConventions() {
	}

	/**
	 * The first global convention that supports the context.
	 * @param registry the registry
	 * @param context the context
	 * @param <T> the context type
	 * @return the convention, or {@code null} when there is none (or none can be read)
	 */
	@SuppressWarnings("unchecked")
	static <T extends Observation.Context> ObservationConvention<T> find(ObservationRegistry registry, T context) {
		Collection<ObservationConvention<?>> conventions = LibraryInternals.globalConventions(registry);
		for (ObservationConvention<?> convention : conventions) {
			if (supports(convention, context)) {
				return (ObservationConvention<T>) convention;
			}
		}
		return null;
	}

	private static boolean supports(ObservationConvention<?> convention, Observation.Context context) {
		try {
			return convention.supportsContext(context);
		}
		catch (RuntimeException | LinkageError ex) {
			InstrumentationFailures.log("asking the global observation convention " + convention.getClass().getName()
					+ " whether it supports a context (it is skipped)", ex);
			return false;
		}
	}

}
