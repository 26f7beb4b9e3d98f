package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.testsupport.BootLineNeutral;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TracingSamplingEnvironmentPostProcessor}.
 */
@BootLineNeutral
class TracingSamplingEnvironmentPostProcessorTests {

	private final TracingSamplingEnvironmentPostProcessor postProcessor = new TracingSamplingEnvironmentPostProcessor();

	@Test
	void samplingProbabilityDefaultsToSentrysTracesSampleRate() {
		MockEnvironment environment = new MockEnvironment().withProperty("sentry.traces-sample-rate", "0.5");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.tracing.sampling.probability", Float.class)).isEqualTo(0.5f);
	}

	@Test
	void explicitSamplingProbabilityWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("sentry.traces-sample-rate", "1.0")
			.withProperty("management.tracing.sampling.probability", "0.2");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.2");
		assertThat(environment.getPropertySources().contains(TracingSamplingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void withoutSentrySamplingBootsDefaultStays() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.containsProperty("management.tracing.sampling.probability")).isFalse();
	}

	@Test
	void disabledInstrumentationLeavesSamplingAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty("sentry.traces-sample-rate", "1.0")
			.withProperty("sentry.claude-code.enabled", "false");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.containsProperty("management.tracing.sampling.probability")).isFalse();
	}

	@Test
	void springApplicationRunsItFromSpringFactories() {
		SpringApplication application = new SpringApplication(EmptyConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--sentry.traces-sample-rate=1.0")) {
			assertThat(context.getEnvironment().getProperty("management.tracing.sampling.probability"))
				.isEqualTo("1.0");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
