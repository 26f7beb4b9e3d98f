package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.metrics.AgentCostObservationHandler;
import io.agentobs.claudecode.metrics.ChatMetricsObservationHandler;
import io.agentobs.claudecode.metrics.PermissionDecisionsObservationHandler;
import io.agentobs.claudecode.metrics.PrometheusNamingPostProcessor;
import io.agentobs.claudecode.metrics.RunEventMetricsObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
	ChatMetricsObservationHandler claudeCodeChatMetricsObservationHandler(MeterRegistry meterRegistry) {
		return new ChatMetricsObservationHandler(meterRegistry);
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
