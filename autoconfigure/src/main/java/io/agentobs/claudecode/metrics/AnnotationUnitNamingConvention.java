package io.agentobs.claudecode.metrics;

import io.micrometer.common.lang.Nullable;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.NamingConvention;

/**
 * A naming convention that leaves annotation units such as {@code {token}} out of meter names,
 * as OpenTelemetry's Prometheus translation does: {@code gen_ai.client.token.usage} becomes
 * {@code gen_ai_client_token_usage_bucket}, not {@code gen_ai_client_token_usage__token__bucket}.
 * A UCUM annotation in braces names what is counted, not a unit. Every other name is the
 * delegate's.
 */
final class AnnotationUnitNamingConvention implements NamingConvention {

	private final NamingConvention delegate;

	public AnnotationUnitNamingConvention(NamingConvention delegate) {
		this.delegate = delegate;
	}

	@Override
	public String name(String name, Meter.Type type, @Nullable String baseUnit) {
		return this.delegate.name(name, type, isAnnotation(baseUnit) ? null : baseUnit);
	}

	@Override
	public String tagKey(String key) {
		return this.delegate.tagKey(key);
	}

	@Override
	public String tagValue(String value) {
		return this.delegate.tagValue(value);
	}

	static boolean isAnnotation(@Nullable String baseUnit) {
		return baseUnit != null && baseUnit.startsWith("{") && baseUnit.endsWith("}");
	}

}
