package io.agentobs.claudecode.autoconfigure;

import java.io.IOException;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.content.ClaudeCodeInputContentObservationFilter;
import io.agentobs.claudecode.content.ClaudeCodeOutputContentObservationFilter;
import io.agentobs.claudecode.instrument.AgentObservationAdvisor;
import io.agentobs.claudecode.instrument.AgentObservationPostProcessor;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatObservationConvention;
import io.agentobs.claudecode.observation.DefaultChatObservationConvention;
import io.agentobs.claudecode.observation.LegacyGenAiAttributesObservationFilter;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.testsupport.BootLineNeutral;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.ReplayedClaudeCodeClient;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.agentobs.claudecode.tracing.CliTelemetryEnvironmentProvider;
import io.agentobs.claudecode.tracing.TraceContextCliEnvironmentProvider;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;
import org.springaicommunity.claude.agent.sdk.ClaudeAsyncClient;
import org.springaicommunity.claude.agent.sdk.ClaudeSyncClient;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.NameMatchMethodPointcutAdvisor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Conditions and properties of {@link ClaudeCodeObservabilityAutoConfiguration}.
 */
@BootLineNeutral
class ClaudeCodeObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClaudeCodeObservabilityAutoConfiguration.class))
		.withUserConfiguration(RegistryConfiguration.class);

	@Test
	void registersThePostProcessorAndRunObservations() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AgentObservationPostProcessor.class);
			assertThat(context).hasSingleBean(AgentRunObservations.class);
			assertThat(context).doesNotHaveBean(ClaudeCodeInputContentObservationFilter.class);
			assertThat(context).doesNotHaveBean(ClaudeCodeOutputContentObservationFilter.class);
			assertThat(context).doesNotHaveBean(CliTelemetryEnvironmentProvider.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("sentry.claude-code.enabled=false")
			.withUserConfiguration(ClientConfiguration.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(AgentObservationPostProcessor.class);
				assertThat(AopUtils.isAopProxy(context.getBean(ClaudeCodeClient.class))).isFalse();
			});
	}

	@Test
	void backsOffWithoutMicrometerObservation() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ClaudeCodeObservabilityAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AgentObservationPostProcessor.class));
	}

	@Test
	void wrapsUserDefinedClientBeanAndObservesItsRuns() {
		this.contextRunner.withUserConfiguration(ClientConfiguration.class)
			.withPropertyValues("sentry.claude-code.agent-name=support-bot")
			.run((context) -> {
				ClaudeCodeClient client = context.getBean(ClaudeCodeClient.class);
				assertThat(AopUtils.isAopProxy(client)).isTrue();
				ObservationTree tree = ObservationTree.of(context.getBean(ObservationRegistry.class));
				client.query("go").awaitResult();
				assertThat(tree.render()).startsWith("invoke_agent support-bot\n  chat claude-sonnet-4-5\n");
				assertThat(tree.notStoppedExactlyOnce()).isEmpty();
			});
	}

	@Test
	void proxiesTheClassSoTheClientCanBeInjectedByItsClass() {
		this.contextRunner.withBean(CliClaudeCodeClient.class, () -> CliClaudeCodeClient.builder().build())
			.run((context) -> {
				CliClaudeCodeClient client = context.getBean(CliClaudeCodeClient.class);
				assertThat(AopUtils.isCglibProxy(client)).isTrue();
				assertThat(client.getDefaultOptions()).isEqualTo(ClaudeCodeOptions.empty());
			});
	}

	@Test
	void proxiesTheInterfacesWhenProxyTargetClassIsOff() {
		this.contextRunner.withPropertyValues("spring.aop.proxy-target-class=false")
			.withBean(CliClaudeCodeClient.class, () -> CliClaudeCodeClient.builder().build())
			.run((context) -> assertThat(AopUtils.isJdkDynamicProxy(context.getBean(ClaudeCodeClient.class))).isTrue());
	}

	@Test
	void proxiesAFinalClassThroughItsInterfaces() {
		this.contextRunner.withBean(FinalClient.class, FinalClient::new)
			.run((context) -> assertThat(AopUtils.isJdkDynamicProxy(context.getBean(ClaudeCodeClient.class))).isTrue());
	}

	@Test
	void addsTheAdvisorToAnExistingProxyInsteadOfProxyingTwice() {
		this.contextRunner.withUserConfiguration(ProxiedClientConfiguration.class).run((context) -> {
			ClaudeCodeClient client = context.getBean(ClaudeCodeClient.class);
			Advised advised = (Advised) client;
			assertThat(advised.getAdvisors()).hasSize(2);
			assertThat(advised.getAdvisors()[0]).isInstanceOf(AgentObservationAdvisor.class);
			assertThat(AopUtils.isAopProxy(advised.getTargetSource().getTarget())).isFalse();
		});
	}

	@Test
	void wrapsClaudeAgentSdkClientBeans() {
		this.contextRunner.withBean(ClaudeSyncClient.class, () -> mock(ClaudeSyncClient.class))
			.withBean(ClaudeAsyncClient.class, () -> mock(ClaudeAsyncClient.class))
			.run((context) -> {
				assertThat(AopUtils.isAopProxy(context.getBean(ClaudeSyncClient.class))).isTrue();
				assertThat(AopUtils.isAopProxy(context.getBean(ClaudeAsyncClient.class))).isTrue();
			});
	}

	@Test
	void worksWithoutTheClaudeAgentSdk() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springaicommunity"))
			.withUserConfiguration(ClientConfiguration.class)
			.run((context) -> assertThat(AopUtils.isAopProxy(context.getBean(ClaudeCodeClient.class))).isTrue());
	}

	@Test
	void leavesOtherBeansAlone() {
		this.contextRunner.withBean("text", StringBuilder.class)
			.run((context) -> assertThat(AopUtils.isAopProxy(context.getBean("text"))).isFalse());
	}

	@Test
	void userConventionReplacesTheDefault() {
		this.contextRunner.withUserConfiguration(ClientConfiguration.class)
			.withBean(ChatObservationConvention.class, () -> new DefaultChatObservationConvention() {
				@Override
				public String getContextualName(ChatObservationContext context) {
					return "model call " + context.getResponseId();
				}
			})
			.run((context) -> {
				ObservationTree tree = ObservationTree.of(context.getBean(ObservationRegistry.class));
				context.getBean(ClaudeCodeClient.class).query("go").awaitResult();
				assertThat(tree.render()).contains("  model call msg_0002\n");
			});
	}

	@Test
	void contentRecordingFollowsSendDefaultPii() {
		this.contextRunner.withPropertyValues("sentry.send-default-pii=true").run((context) -> {
			assertThat(context).hasSingleBean(ClaudeCodeInputContentObservationFilter.class);
			assertThat(context).hasSingleBean(ClaudeCodeOutputContentObservationFilter.class);
		});
	}

	@Test
	void explicitContentPropertiesWinOverSendDefaultPii() {
		this.contextRunner
			.withPropertyValues("sentry.send-default-pii=true", "sentry.claude-code.record-inputs=false",
					"sentry.claude-code.record-outputs=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ClaudeCodeInputContentObservationFilter.class);
				assertThat(context).hasSingleBean(ClaudeCodeOutputContentObservationFilter.class);
			});
		this.contextRunner.withPropertyValues("sentry.claude-code.record-inputs=true").run((context) -> {
			assertThat(context).hasSingleBean(ClaudeCodeInputContentObservationFilter.class);
			assertThat(context).doesNotHaveBean(ClaudeCodeOutputContentObservationFilter.class);
		});
	}

	@Test
	void contentBudgetBelowItsFloorFailsNamingTheProperties() {
		this.contextRunner
			.withPropertyValues("sentry.send-default-pii=true", "sentry.claude-code.max-run-content-length=100B")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("sentry.claude-code.max-span-content-length and max-run-content-length"));
	}

	@Test
	void legacyAttributesAreOffUnlessEnabled() {
		this.contextRunner
			.run((context) -> assertThat(context).doesNotHaveBean(LegacyGenAiAttributesObservationFilter.class));
		this.contextRunner.withPropertyValues("sentry.claude-code.legacy-attributes=true")
			.run((context) -> assertThat(context).hasSingleBean(LegacyGenAiAttributesObservationFilter.class));
	}

	@Test
	void propertiesBindWithDocumentedDefaults() {
		this.contextRunner.run((context) -> {
			ClaudeCodeObservabilityProperties properties = context.getBean(ClaudeCodeObservabilityProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getAgentName()).isEqualTo("claude-code");
			assertThat(properties.getRecordInputs()).isNull();
			assertThat(properties.getRecordOutputs()).isNull();
			assertThat(properties.getMaxAttributeLength().toKilobytes()).isEqualTo(20);
			assertThat(properties.isCliTelemetry()).isFalse();
			assertThat(properties.getMaxSpanContentLength().toKilobytes()).isEqualTo(64);
			assertThat(properties.getMaxRunContentLength().toKilobytes()).isEqualTo(256);
			assertThat(properties.isLegacyAttributes()).isFalse();
		});
		this.contextRunner.withPropertyValues("sentry.claude-code.max-attribute-length=1KB").run((context) -> assertThat(
				context.getBean(ClaudeCodeObservabilityProperties.class).getMaxAttributeLength().toBytes())
			.isEqualTo(1024));
	}

	@Test
	void passesTraceContextWhenAPropagatorExists() {
		this.contextRunner.withBean(Propagator.class, () -> mock(Propagator.class))
			.run((context) -> assertThat(context).hasSingleBean(TraceContextCliEnvironmentProvider.class));
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(TraceContextCliEnvironmentProvider.class));
	}

	@Test
	void cliTelemetryReusesTheBoot4OtlpEndpoint() {
		this.contextRunner
			.withPropertyValues("sentry.claude-code.cli-telemetry=true",
					"management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:4318/v1/traces")
			.run((context) -> assertThat(context.getBean(CliTelemetryEnvironmentProvider.class).environment(null))
				.containsEntry("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:4318/v1/traces")
				.containsEntry("CLAUDE_CODE_ENABLE_TELEMETRY", "1"));
	}

	@Test
	void cliTelemetryReusesTheBoot3OtlpEndpoint() {
		this.contextRunner
			.withPropertyValues("sentry.claude-code.cli-telemetry=true",
					"management.otlp.tracing.endpoint=http://127.0.0.1:4319/v1/traces")
			.run((context) -> assertThat(context.getBean(CliTelemetryEnvironmentProvider.class).environment(null))
				.containsEntry("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:4319/v1/traces"));
	}

	@Test
	void cliTelemetryPrefersTheBoot4OtlpEndpointAndDefaultsToLocalhost() {
		this.contextRunner
			.withPropertyValues("sentry.claude-code.cli-telemetry=true",
					"management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:4318/v1/traces",
					"management.otlp.tracing.endpoint=http://127.0.0.1:4319/v1/traces")
			.run((context) -> assertThat(context.getBean(CliTelemetryEnvironmentProvider.class).environment(null))
				.containsEntry("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:4318/v1/traces"));
		this.contextRunner.withPropertyValues("sentry.claude-code.cli-telemetry=true")
			.run((context) -> assertThat(context.getBean(CliTelemetryEnvironmentProvider.class).environment(null))
				.containsEntry("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://localhost:4318/v1/traces"));
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		ObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConfiguration {

		@Bean
		ClaudeCodeClient claudeCodeClient() throws IOException {
			return new ReplayedClaudeCodeClient(Transcripts.parse("tool-call.jsonl"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ProxiedClientConfiguration {

		@Bean
		ClaudeCodeClient claudeCodeClient() throws IOException {
			ProxyFactory proxyFactory = new ProxyFactory(new ReplayedClaudeCodeClient(Transcripts.parse("tool-call.jsonl")));
			proxyFactory.addAdvisor(new NameMatchMethodPointcutAdvisor((org.aopalliance.intercept.MethodInterceptor) (
					invocation) -> invocation.proceed()));
			return (ClaudeCodeClient) proxyFactory.getProxy();
		}

	}

	static final class FinalClient extends ReplayedClaudeCodeClient {

		FinalClient() {
			super(List.of());
		}

	}

}
