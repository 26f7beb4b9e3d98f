package io.agentobs.claudecode.autoconfigure;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes Micrometer Tracing sample agent runs as Sentry does: when the application sets
 * {@code sentry.traces-sample-rate} but not {@code management.tracing.sampling.probability},
 * the latter defaults to the former, so that a run traced in Sentry is also exported to the
 * OpenTelemetry backend with the same trace id (Spring Boot's own default samples one trace in
 * ten). Anything the application sets wins: the default is the last property source.
 * <p>
 * Implements the {@code org.springframework.boot.env} interface, which Spring Boot 3.5 reads
 * and Spring Boot 4 still adapts, so that one jar serves both lines.
 */
@SuppressWarnings("deprecation")
public class TracingSamplingEnvironmentPostProcessor implements org.springframework.boot.env.EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "claudeCodeTracingSampling";

	static final String SAMPLING_PROBABILITY = "management.tracing.sampling.probability";

	static final String SENTRY_TRACES_SAMPLE_RATE = "sentry.traces-sample-rate";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("sentry.claude-code.enabled", Boolean.class, true)
				|| environment.containsProperty(SAMPLING_PROBABILITY)) {
			return;
		}
		String sentryRate = environment.getProperty(SENTRY_TRACES_SAMPLE_RATE);
		if (sentryRate == null || sentryRate.isBlank()) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(SAMPLING_PROBABILITY, sentryRate.trim())));
	}

}
