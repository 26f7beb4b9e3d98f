package io.agentobs.claudecode.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PrometheusNamingPostProcessor} and {@link AnnotationUnitNamingConvention}
 * with Micrometer's real Prometheus registry.
 */
class PrometheusNamingPostProcessorTests {

	private final PrometheusNamingPostProcessor postProcessor = new PrometheusNamingPostProcessor();

	@Test
	void tokenUsageReadsWellInPrometheus() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.postProcessor.postProcessAfterInitialization(registry, "prometheusMeterRegistry");
		DistributionSummary.builder("gen_ai.client.token.usage")
			.baseUnit("{token}")
			.serviceLevelObjectives(1, 4, 16)
			.register(registry)
			.record(3);
		Timer.builder("gen_ai.client.operation.duration").register(registry);
		String scrape = registry.scrape();
		assertThat(scrape).contains("gen_ai_client_token_usage_bucket{le=\"4.0\"} 1")
			.contains("gen_ai_client_operation_duration_seconds_count")
			.doesNotContain("__token_");
	}

	@Test
	void withoutItTheAnnotationLeaksIntoTheName() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		DistributionSummary.builder("gen_ai.client.token.usage").baseUnit("{token}").register(registry).record(3);
		assertThat(registry.scrape()).contains("gen_ai_client_token_usage__token__count");
	}

	@Test
	void otherRegistriesAndBeansAreLeftAlone() {
		SimpleMeterRegistry simple = new SimpleMeterRegistry();
		this.postProcessor.postProcessAfterInitialization(simple, "simple");
		assertThat(simple.config().namingConvention()).isNotInstanceOf(AnnotationUnitNamingConvention.class);
		assertThat(this.postProcessor.postProcessAfterInitialization("bean", "name")).isEqualTo("bean");
	}

	@Test
	void onlyBracedUnitsAreAnnotations() {
		assertThat(AnnotationUnitNamingConvention.isAnnotation("{token}")).isTrue();
		assertThat(AnnotationUnitNamingConvention.isAnnotation("seconds")).isFalse();
		assertThat(AnnotationUnitNamingConvention.isAnnotation(null)).isFalse();
	}

}
