package io.agentobs.claudecode.autoconfigure;

import org.springframework.core.env.Environment;

/**
 * The application's OTLP traces endpoint, under the property name of either Spring Boot line:
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} (Spring Boot 4) or
 * {@code management.otlp.tracing.endpoint} (Spring Boot 3.5).
 */
final class OtlpTracingEndpoint {

	static final String BOOT_4_PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

	static final String BOOT_3_PROPERTY = "management.otlp.tracing.endpoint";

	static final String DEFAULT = "http://localhost:4318/v1/traces";

	private OtlpTracingEndpoint() {
	}

	static String of(Environment environment) {
		String boot4 = environment.getProperty(BOOT_4_PROPERTY);
		if (boot4 != null && !boot4.isBlank()) {
			return boot4;
		}
		return environment.getProperty(BOOT_3_PROPERTY, DEFAULT);
	}

}
