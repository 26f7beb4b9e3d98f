package io.agentobs.claudecode.sentry;

import io.agentobs.claudecode.autoconfigure.ClaudeCodeSentryAutoConfiguration;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation;
import io.agentobs.claudecode.observation.DefaultAgentInvocationObservationConvention;
import io.agentobs.claudecode.testsupport.BootLine;
import io.agentobs.claudecode.testsupport.BootLineNeutral;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.sentry.IScopes;
import io.sentry.NoOpScopes;
import io.sentry.Sentry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClaudeCodeSentryAutoConfiguration}, with the real Sentry starter
 * auto-configuration. Kept in the {@code sentry} test package to run with the Sentry tests.
 */
@BootLineNeutral
class ClaudeCodeSentryAutoConfigurationTests {

	private static final String DSN = "sentry.dsn=http://key@127.0.0.1:9/42";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootLine.current().sentry())
		.withConfiguration(BootLine.current().observation())
		.withConfiguration(AutoConfigurations.of(ClaudeCodeSentryAutoConfiguration.class));

	@AfterEach
	void closeSentry() {
		Sentry.close();
	}

	@Test
	void handlerIsAddedToTheObservationRegistryWhenSentryIsEnabled() {
		this.contextRunner.withPropertyValues(DSN, "sentry.traces-sample-rate=1.0").run((context) -> {
			assertThat(context).hasSingleBean(SentryAgentObservationHandler.class);
			AgentInvocationObservationContext agent = new AgentInvocationObservationContext("claude-code");
			Observation observation = AgentInvocationObservationDocumentation.AGENT_INVOCATION
				.observation(null, new DefaultAgentInvocationObservationConvention(), () -> agent,
						context.getBean(ObservationRegistry.class))
				.start();
			assertThat(SentryObservationSpan.of(agent)).isNotNull();
			observation.stop();
		});
	}

	@Test
	void handlerIsAbsentWhenSentryIsNotConfigured() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(IScopes.class)
			.doesNotHaveBean(SentryAgentObservationHandler.class));
	}

	@Test
	void handlerIsAbsentWithoutSentryOnTheClassPath() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClaudeCodeSentryAutoConfiguration.class))
			.withBean(IScopes.class, NoOpScopes::getInstance)
			.withClassLoader(new FilteredClassLoader("io.sentry"))
			.run((context) -> assertThat(context).doesNotHaveBean(SentryAgentObservationHandler.class));
	}

	@Test
	void handlerIsAbsentWhenClaudeCodeObservabilityIsDisabled() {
		this.contextRunner.withPropertyValues(DSN, "sentry.claude-code.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(IScopes.class)
				.doesNotHaveBean(SentryAgentObservationHandler.class));
	}

	@Test
	void userDefinedHandlerWins() {
		SentryAgentObservationHandler handler = new SentryAgentObservationHandler(NoOpScopes.getInstance());
		this.contextRunner.withPropertyValues(DSN)
			.withBean(SentryAgentObservationHandler.class, () -> handler)
			.run((context) -> assertThat(context).getBean(SentryAgentObservationHandler.class).isSameAs(handler));
	}

}
