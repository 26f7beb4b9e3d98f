package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.metrics.AgentCostObservationHandler;
import io.agentobs.claudecode.metrics.AgentToolMetricsObservationHandler;
import io.agentobs.claudecode.metrics.ChatMetricsObservationHandler;
import io.agentobs.claudecode.metrics.PermissionDecisionsObservationHandler;
import io.agentobs.claudecode.metrics.GenAiHistogramBuckets;
import io.agentobs.claudecode.metrics.GenAiSemconvProfile;
import io.agentobs.claudecode.metrics.PrometheusNamingPostProcessor;
import io.agentobs.claudecode.metrics.RunEventMetricsObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configuration of the metrics of agent runs: GenAI token usage and operation duration
 * per model call, and the estimated cost. The observation handlers are picked up by Spring
 * Boot's observation registry; the observation timers come from Boot itself.
 */
@AutoConfiguration(afterName = {
		// Spring Boot 4
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		// Spring Boot 3.5
		"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "sentry.claude-code", name = "enabled", matchIfMissing = true)
public class ClaudeCodeMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChatMetricsObservationHandler claudeCodeChatMetricsObservationHandler(MeterRegistry meterRegistry,
			Environment environment) {
		return new ChatMetricsObservationHandler(meterRegistry, semconvProfile(environment));
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnLatestExperimentalConventions.class)
	AgentToolMetricsObservationHandler claudeCodeAgentToolMetricsObservationHandler(MeterRegistry meterRegistry) {
		return new AgentToolMetricsObservationHandler(meterRegistry);
	}

	@Bean
	static GenAiHistogramBuckets claudeCodeGenAiHistogramBuckets() {
		return new GenAiHistogramBuckets();
	}

	/**
	 * The conventions' profile: {@code sentry.claude-code.semconv-stability-opt-in}, else
	 * the {@code OTEL_SEMCONV_STABILITY_OPT_IN} environment variable, as a comma-separated
	 * list.
	 */
	static GenAiSemconvProfile semconvProfile(Environment environment) {
		String optIn = environment.getProperty("sentry.claude-code.semconv-stability-opt-in",
				environment.getProperty("OTEL_SEMCONV_STABILITY_OPT_IN"));
		return GenAiSemconvProfile.fromOptIn(optIn);
	}

	static class OnLatestExperimentalConventions extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			GenAiSemconvProfile profile = semconvProfile(context.getEnvironment());
			return (profile == GenAiSemconvProfile.LATEST_EXPERIMENTAL)
					? ConditionOutcome.match("GenAI conventions opted in to " + GenAiSemconvProfile.LATEST_EXPERIMENTAL_OPT_IN)
					: ConditionOutcome.noMatch("GenAI conventions v1.41 (no " + GenAiSemconvProfile.LATEST_EXPERIMENTAL_OPT_IN
							+ " opt-in)");
		}

	}

	@Bean
	@ConditionalOnMissingBean
	AgentCostObservationHandler claudeCodeAgentCostObservationHandler(MeterRegistry meterRegistry) {
		return new AgentCostObservationHandler(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	PermissionDecisionsObservationHandler claudeCodePermissionDecisionsObservationHandler(MeterRegistry meterRegistry) {
		return new PermissionDecisionsObservationHandler(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	RunEventMetricsObservationHandler claudeCodeRunEventMetricsObservationHandler(MeterRegistry meterRegistry) {
		return new RunEventMetricsObservationHandler(meterRegistry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.prometheusmetrics.PrometheusMeterRegistry")
	static class PrometheusNamingConfiguration {

		@Bean
		static PrometheusNamingPostProcessor claudeCodePrometheusNamingPostProcessor() {
			return new PrometheusNamingPostProcessor();
		}

	}

}
