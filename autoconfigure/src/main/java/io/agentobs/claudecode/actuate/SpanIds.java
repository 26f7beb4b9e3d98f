package io.agentobs.claudecode.actuate;

import io.micrometer.observation.Observation;

/**
 * The trace id and span id of an observation's span.
 *
 * @param traceId the trace id (hex)
 * @param spanId the span id (hex)
 */
public record SpanIds(String traceId, String spanId) {

	/**
	 * Reads the ids of the span a tracing backend made for an observation.
	 */
	@FunctionalInterface
	public interface Resolver {

		/**
		 * The ids of the observation's span.
		 * @param context the observation's context
		 * @return the ids, or {@code null} when the backend made no span for it
		 */
		SpanIds resolve(Observation.ContextView context);

		/**
		 * A resolver that asks each of the given ones in turn.
		 * @param resolvers the resolvers
		 * @return the first ids found
		 */
		static Resolver firstOf(Iterable<Resolver> resolvers) {
			return (context) -> {
				for (Resolver resolver : resolvers) {
					SpanIds ids = resolver.resolve(context);
					if (ids != null) {
						return ids;
					}
				}
				return null;
			};
		}

	}

}
