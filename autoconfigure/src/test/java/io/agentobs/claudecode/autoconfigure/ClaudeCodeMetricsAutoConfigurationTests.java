package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.metrics.AgentToolMetricsObservationHandler;
import io.agentobs.claudecode.metrics.ChatMetricsObservationHandler;
import io.agentobs.claudecode.metrics.GenAiHistogramBuckets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the profiles of {@link ClaudeCodeMetricsAutoConfiguration}.
 */
class ClaudeCodeMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClaudeCodeMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void releasedNamesByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ChatMetricsObservationHandler.class)
				.hasSingleBean(GenAiHistogramBuckets.class)
				.doesNotHaveBean(AgentToolMetricsObservationHandler.class);
		});
	}

	@Test
	void latestExperimentalByTheOpenTelemetryVariableOrTheProperty() {
		this.contextRunner.withPropertyValues("OTEL_SEMCONV_STABILITY_OPT_IN=http,gen_ai_latest_experimental")
			.run((context) -> assertThat(context).hasSingleBean(AgentToolMetricsObservationHandler.class));
		this.contextRunner.withPropertyValues("sentry.claude-code.semconv-stability-opt-in=gen_ai_latest_experimental")
			.run((context) -> assertThat(context).hasSingleBean(AgentToolMetricsObservationHandler.class));
		this.contextRunner
			.withPropertyValues("OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental",
					"sentry.claude-code.semconv-stability-opt-in=http")
			.run((context) -> assertThat(context).doesNotHaveBean(AgentToolMetricsObservationHandler.class));
	}

}
