package io.agentobs.claudecode.micrometer;

import java.util.function.Supplier;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * A user's convention that falls back to the default convention for each value it fails to
 * give: a convention that throws costs the values it could not compute, never the run's
 * telemetry. Each kind of failure is logged once.
 *
 * @param <T> the context type
 */
final class FallbackObservationConvention<T extends Observation.Context> implements ObservationConvention<T> {

	private final ObservationConvention<T> custom;

	private final ObservationConvention<T> fallback;

	FallbackObservationConvention(ObservationConvention<T> custom, ObservationConvention<T> fallback) {
		this.custom = custom;
		this.fallback = fallback;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(T context) {
		return valueOf("low cardinality key values", () -> this.custom.getLowCardinalityKeyValues(context),
				() -> this.fallback.getLowCardinalityKeyValues(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(T context) {
		return valueOf("high cardinality key values", () -> this.custom.getHighCardinalityKeyValues(context),
				() -> this.fallback.getHighCardinalityKeyValues(context));
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return valueOf("supportsContext", () -> this.custom.supportsContext(context),
				() -> this.fallback.supportsContext(context));
	}

	@Override
	public String getName() {
		return valueOf("name", this.custom::getName, this.fallback::getName);
	}

	@Override
	public String getContextualName(T context) {
		return valueOf("contextual name", () -> this.custom.getContextualName(context),
				() -> this.fallback.getContextualName(context));
	}

	private <V> V valueOf(String value, Supplier<V> custom, Supplier<V> fallback) {
		try {
			return custom.get();
		}
		catch (RuntimeException | LinkageError ex) {
			InstrumentationFailures.log("computing the " + value + " of the observation convention "
					+ this.custom.getClass().getName() + " (the default convention's are used)", ex);
			return fallback.get();
		}
	}

}
