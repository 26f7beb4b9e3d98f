package io.agentobs.claudecode.sample;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Exports spans to Zipkin only when {@code management.tracing.export.zipkin.endpoint} is set, so
 * the sample runs quietly without a Zipkin server.
 */
class ZipkinExportEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty("management.tracing.export.zipkin.endpoint")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("sampleZipkinExport",
						Map.of("management.tracing.export.zipkin.enabled", "false")));
		}
	}

}
