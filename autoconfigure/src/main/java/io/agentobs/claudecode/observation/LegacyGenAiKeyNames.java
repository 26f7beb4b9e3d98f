package io.agentobs.claudecode.observation;

import io.micrometer.common.docs.KeyName;

/**
 * Keys that the conventions have deprecated, recorded only when
 * {@code sentry.claude-code.legacy-attributes} is on, for dashboards built on the old names
 * (see {@link LegacyGenAiAttributesObservationFilter}).
 */
public enum LegacyGenAiKeyNames implements KeyName {

	/**
	 * The provider; replaced by {@code gen_ai.provider.name} (deprecated by OpenTelemetry and
	 * Sentry).
	 */
	SYSTEM("gen_ai.system"),

	/**
	 * The tool names as a JSON array; replaced by {@code gen_ai.tool.definitions} (deprecated
	 * by Sentry).
	 */
	REQUEST_AVAILABLE_TOOLS("gen_ai.request.available_tools"),

	/**
	 * The run's cost in USD; replaced by Sentry's {@code gen_ai.cost.total_tokens} (defined
	 * by neither convention).
	 */
	USAGE_COST("gen_ai.usage.cost");

	private final String key;

	LegacyGenAiKeyNames(String key) {
		this.key = key;
	}

	@Override
	public String asString() {
		return this.key;
	}

}
