package io.agentobs.claudecode.autoconfigure;

import java.time.Clock;

import io.agentobs.claudecode.actuate.AgentRunRegistry;
import io.agentobs.claudecode.actuate.AgentRunsEndpoint;
import io.agentobs.claudecode.actuate.SpanIds;
import io.agentobs.claudecode.actuate.TracingSpanIds;
import io.agentobs.claudecode.metrics.RunningAgentRunsMeterBinder;
import io.agentobs.claudecode.sentry.SentrySpanIds;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.sentry.IScopes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the {@code agentruns} Actuator endpoint: a registry of agent runs
 * fed by their observations, the endpoint, and a gauge of the runs in progress. Only when
 * Actuator is present and the endpoint is available (exposed and not switched off).
 */
@AutoConfiguration(afterName = "io.agentobs.claudecode.autoconfigure.ClaudeCodeObservabilityAutoConfiguration")
@ConditionalOnClass({ Endpoint.class, ObservationHandler.class })
@ConditionalOnAvailableEndpoint(AgentRunsEndpoint.class)
@ConditionalOnProperty(prefix = "sentry.claude-code", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(AgentRunsEndpointProperties.class)
public class AgentRunsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AgentRunRegistry claudeCodeAgentRunRegistry(AgentRunsEndpointProperties properties, Environment environment,
			ObjectProvider<SpanIds.Resolver> spanIds) {
		boolean recordInputs = environment.getProperty("sentry.claude-code.record-inputs", Boolean.class,
				environment.getProperty("sentry.send-default-pii", Boolean.class, false));
		return new AgentRunRegistry(properties.getMaxFinishedRuns(), properties.getMaxStepsPerRun(), recordInputs,
				SpanIds.Resolver.firstOf(spanIds.orderedStream().toList()), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	AgentRunsEndpoint agentRunsEndpoint(AgentRunRegistry registry, AgentRunsEndpointProperties properties,
			ObjectProvider<SanitizingFunction> sanitizingFunctions) {
		return new AgentRunsEndpoint(registry, properties.getInterruptTimeout(),
				new Sanitizer(sanitizingFunctions.orderedStream().toList()), properties.getShowValues(),
				properties.getRoles());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TracingObservationHandler.class)
	static class TracingSpanIdsConfiguration {

		@Bean
		TracingSpanIds claudeCodeTracingSpanIds() {
			return new TracingSpanIds();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(IScopes.class)
	static class SentrySpanIdsConfiguration {

		@Bean
		SentrySpanIds claudeCodeSentrySpanIds() {
			return new SentrySpanIds();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RunningAgentRunsMeterBinder claudeCodeRunningAgentRunsMeterBinder(AgentRunRegistry registry) {
			return new RunningAgentRunsMeterBinder(registry);
		}

	}

}
