package io.agentobs.claudecode.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.agentobs.claudecode.content.ClaudeCodeInputContentObservationFilter;
import io.agentobs.claudecode.content.ClaudeCodeOutputContentObservationFilter;
import io.agentobs.claudecode.content.ContentBudget;
import io.agentobs.claudecode.content.SecretEnvironment;
import io.agentobs.claudecode.instrument.AgentClientInstrumentation;
import io.agentobs.claudecode.instrument.AgentObservationAdvisor;
import io.agentobs.claudecode.instrument.AgentObservationInterceptor;
import io.agentobs.claudecode.instrument.AgentObservationPostProcessor;
import io.agentobs.claudecode.instrument.client.ClaudeCodeClientInstrumentation;
import io.agentobs.claudecode.instrument.sdk.ClaudeAgentSdkInstrumentations;
import io.agentobs.claudecode.observation.AgentInvocationObservationConvention;
import io.agentobs.claudecode.observation.ChatObservationConvention;
import io.agentobs.claudecode.observation.LegacyGenAiAttributesObservationFilter;
import io.agentobs.claudecode.observation.ToolExecutionObservationConvention;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.LiveRuns;
import io.agentobs.claudecode.run.CliEnvironmentProvider;
import io.agentobs.claudecode.tracing.CliTelemetryEnvironmentProvider;
import io.agentobs.claudecode.tracing.TraceContextCliEnvironmentProvider;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration that observes every Claude Code agent run: a post-processor wraps the
 * agent client beans, and each run becomes {@code gen_ai.invoke_agent}, {@code gen_ai.chat}
 * and {@code gen_ai.execute_tool} observations.
 */
@AutoConfiguration(afterName = {
		// Spring Boot 4
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
		// Spring Boot 3.5
		"org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.tracing.BraveAutoConfiguration" })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnProperty(prefix = "sentry.claude-code", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ClaudeCodeObservabilityProperties.class)
public class ClaudeCodeObservabilityAutoConfiguration {

	private static final String CLAUDE_AGENT_SDK_CLIENT = "org.springaicommunity.claude.agent.sdk.ClaudeSyncClient";

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static AgentObservationPostProcessor agentObservationPostProcessor(
			ObjectProvider<AgentRunObservations> observations, ResourceLoader resourceLoader, Environment environment) {
		Supplier<AgentRunObservations> runObservations = SingletonSupplier.of(observations::getObject);
		List<AgentClientInstrumentation> instrumentations = new ArrayList<>();
		instrumentations.add(new ClaudeCodeClientInstrumentation(runObservations,
				environment.getProperty("sentry.claude-code.tool-timing-hooks", Boolean.class, false),
				environment.getProperty("sentry.claude-code.cli-telemetry", Boolean.class, false)));
		if (ClassUtils.isPresent(CLAUDE_AGENT_SDK_CLIENT, resourceLoader.getClassLoader())) {
			instrumentations.addAll(ClaudeAgentSdkInstrumentations.create(runObservations));
		}
		AgentObservationPostProcessor postProcessor = new AgentObservationPostProcessor(
				new AgentObservationAdvisor(new AgentObservationInterceptor(instrumentations)));
		postProcessor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
		return postProcessor;
	}

	@Bean
	@ConditionalOnMissingBean
	AgentRunObservations agentRunObservations(ClaudeCodeObservabilityProperties properties,
			ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<AgentInvocationObservationConvention> agentConvention,
			ObjectProvider<ChatObservationConvention> chatConvention,
			ObjectProvider<ToolExecutionObservationConvention> toolConvention,
			ObjectProvider<CliEnvironmentProvider> environmentProviders, ObjectProvider<LiveRuns> liveRuns) {
		return AgentRunObservations.builder(registry.getIfAvailable(() -> ObservationRegistry.NOOP))
			.agentName(properties.getAgentName())
			.agentConvention(agentConvention.getIfAvailable())
			.chatConvention(chatConvention.getIfAvailable())
			.toolConvention(toolConvention.getIfAvailable())
			.cliEnvironmentProviders(environmentProviders.orderedStream().toList())
			.secretEnvironment(secretEnvironment(properties))
			.liveRuns(liveRuns.getIfAvailable())
			.build();
	}

	@Bean
	@Conditional(OnContentRecordingCondition.Inputs.class)
	ClaudeCodeInputContentObservationFilter claudeCodeInputContentObservationFilter(
			ClaudeCodeObservabilityProperties properties) {
		return new ClaudeCodeInputContentObservationFilter(maxLength(properties),
				secretEnvironment(properties).mask(Map.of()), contentBudget(properties));
	}

	@Bean
	@Conditional(OnContentRecordingCondition.Outputs.class)
	ClaudeCodeOutputContentObservationFilter claudeCodeOutputContentObservationFilter(
			ClaudeCodeObservabilityProperties properties) {
		return new ClaudeCodeOutputContentObservationFilter(maxLength(properties),
				secretEnvironment(properties).mask(Map.of()), contentBudget(properties));
	}

	@Bean
	@ConditionalOnProperty(prefix = "sentry.claude-code", name = "legacy-attributes", havingValue = "true")
	LegacyGenAiAttributesObservationFilter legacyGenAiAttributesObservationFilter() {
		return new LegacyGenAiAttributesObservationFilter();
	}

	private static ContentBudget contentBudget(ClaudeCodeObservabilityProperties properties) {
		long span = properties.getMaxSpanContentLength().toBytes();
		long run = properties.getMaxRunContentLength().toBytes();
		if (span < ContentBudget.FLOOR || run < ContentBudget.FLOOR) {
			throw new IllegalArgumentException("sentry.claude-code.max-span-content-length and max-run-content-length"
					+ " must be at least " + ContentBudget.FLOOR + " bytes but were " + span + " and " + run);
		}
		return new ContentBudget((int) Math.min(Integer.MAX_VALUE, span), run);
	}

	private static SecretEnvironment secretEnvironment(ClaudeCodeObservabilityProperties properties) {
		return new SecretEnvironment(properties.getSecretEnvironmentVariables());
	}

	/** The content truncator needs room for its marker: 16 characters at the least. */
	private static int maxLength(ClaudeCodeObservabilityProperties properties) {
		return (int) Math.max(16, Math.min(Integer.MAX_VALUE, properties.getMaxAttributeLength().toBytes()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Propagator.class)
	static class TraceContextConfiguration {

		@Bean
		@ConditionalOnBean(Propagator.class)
		@ConditionalOnMissingBean
		TraceContextCliEnvironmentProvider traceContextCliEnvironmentProvider(Propagator propagator) {
			return new TraceContextCliEnvironmentProvider(propagator);
		}

		@Bean
		@ConditionalOnProperty(prefix = "sentry.claude-code", name = "cli-telemetry", havingValue = "true")
		@ConditionalOnMissingBean
		CliTelemetryEnvironmentProvider cliTelemetryEnvironmentProvider(Environment environment) {
			return new CliTelemetryEnvironmentProvider(OtlpTracingEndpoint.of(environment), "http/protobuf");
		}

	}

}
