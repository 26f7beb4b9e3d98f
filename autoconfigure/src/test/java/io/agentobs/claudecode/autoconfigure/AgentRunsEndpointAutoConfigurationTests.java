package io.agentobs.claudecode.autoconfigure;

import java.time.Duration;

import io.agentobs.claudecode.actuate.AgentRunRegistry;
import io.agentobs.claudecode.actuate.AgentRunsEndpoint;
import io.agentobs.claudecode.actuate.SpanIds;
import io.agentobs.claudecode.actuate.TracingSpanIds;
import io.agentobs.claudecode.metrics.RunningAgentRunsMeterBinder;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import io.agentobs.claudecode.sentry.SentrySpanIds;
import io.agentobs.claudecode.testsupport.BootLineNeutral;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.sentry.IScopes;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions and properties of {@link AgentRunsEndpointAutoConfiguration}.
 */
@BootLineNeutral
class AgentRunsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentRunsEndpointAutoConfiguration.class));

	private final ApplicationContextRunner exposed = this.contextRunner
		.withPropertyValues("management.endpoints.web.exposure.include=agentruns");

	@Test
	void endpointIsNotAvailableUnlessExposed() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(AgentRunsEndpoint.class);
			assertThat(context).doesNotHaveBean(AgentRunRegistry.class);
		});
	}

	@Test
	void exposedEndpointGetsTheRegistryTheSpanIdReadersAndTheGauge() {
		this.exposed.run((context) -> {
			assertThat(context).hasSingleBean(AgentRunsEndpoint.class);
			assertThat(context).hasSingleBean(AgentRunRegistry.class);
			assertThat(context).hasSingleBean(TracingSpanIds.class);
			assertThat(context).hasSingleBean(SentrySpanIds.class);
			assertThat(context).hasSingleBean(RunningAgentRunsMeterBinder.class);
		});
	}

	@Test
	void endpointWithAccessNoneIsNotAvailable() {
		// The condition reads the property without Boot's lenient enum conversion here
		this.exposed.withPropertyValues("management.endpoint.agentruns.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(AgentRunsEndpoint.class));
	}

	@Test
	void backsOffWithoutActuator() {
		this.exposed.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AgentRunRegistry.class));
	}

	@Test
	void backsOffWhenObservationIsDisabled() {
		this.exposed.withPropertyValues("sentry.claude-code.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AgentRunRegistry.class));
	}

	@Test
	void spanIdReadersNeedTheirTracingLibrary() {
		this.exposed.withClassLoader(new FilteredClassLoader(TracingObservationHandler.class, IScopes.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(AgentRunRegistry.class);
				assertThat(context).doesNotHaveBean(SpanIds.Resolver.class);
			});
	}

	@Test
	void propertiesHaveDefaults() {
		this.exposed.run((context) -> {
			AgentRunsEndpointProperties properties = context.getBean(AgentRunsEndpointProperties.class);
			assertThat(properties.getMaxFinishedRuns()).isEqualTo(50);
			assertThat(properties.getMaxStepsPerRun()).isEqualTo(500);
			assertThat(properties.getInterruptTimeout()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.getShowValues()).isEqualTo(Show.NEVER);
		});
	}

	@Test
	void registryKeepsTheConfiguredNumberOfFinishedRunsAndRecordsPromptsWithInputs() {
		this.exposed
			.withPropertyValues("management.endpoint.agentruns.max-finished-runs=2",
					"sentry.claude-code.record-inputs=true")
			.run((context) -> {
				AgentRunRegistry runs = context.getBean(AgentRunRegistry.class);
				AgentRunObservations observations = observations(runs);
				for (int i = 0; i < 5; i++) {
					observations.startRun("prompt " + i, null, null, new SessionCost()).abandoned();
				}
				assertThat(runs.finished()).extracting((run) -> run.prompt()).containsExactly("prompt 4", "prompt 3");
			});
	}

	@Test
	void promptsFollowSendDefaultPiiWhenRecordInputsIsNotSet() {
		this.exposed.withPropertyValues("sentry.send-default-pii=true").run((context) -> {
			AgentRunRegistry runs = context.getBean(AgentRunRegistry.class);
			observations(runs).startRun("secret", null, null, new SessionCost()).abandoned();
			assertThat(runs.finished().get(0).prompt()).isEqualTo("secret");
		});
		this.exposed.run((context) -> {
			AgentRunRegistry runs = context.getBean(AgentRunRegistry.class);
			observations(runs).startRun("secret", null, null, new SessionCost()).abandoned();
			assertThat(runs.finished().get(0).prompt()).isNull();
		});
	}

	@Test
	void gaugeCountsRunningRunsPerAgent() {
		this.exposed.run((context) -> {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			context.getBean(RunningAgentRunsMeterBinder.class).bindTo(meters);
			AgentRunRecorder run = observations(context.getBean(AgentRunRegistry.class)).startRun("p", null, null,
					new SessionCost());
			assertThat(meters.get("claude_code.runs.active").tag("gen_ai.agent.name", "triage").gauge().value())
				.isEqualTo(1.0);
			run.abandoned();
			assertThat(meters.get("claude_code.runs.active").tag("gen_ai.agent.name", "triage").gauge().value())
				.isZero();
		});
	}

	@Test
	void userDefinedRegistryWins() {
		this.exposed.withUserConfiguration(UserRegistryConfiguration.class)
			.run((context) -> assertThat(context.getBean(AgentRunRegistry.class))
				.isSameAs(context.getBean("userRegistry")));
	}

	private static AgentRunObservations observations(AgentRunRegistry runs) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(runs);
		return AgentRunObservations.builder(registry).agentName("triage").build();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistryConfiguration {

		@Bean
		AgentRunRegistry userRegistry() {
			return new AgentRunRegistry(1, 1, false, (context) -> null, java.time.Clock.systemUTC());
		}

	}

}
