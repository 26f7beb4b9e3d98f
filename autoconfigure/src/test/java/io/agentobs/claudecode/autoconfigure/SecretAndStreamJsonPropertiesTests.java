package io.agentobs.claudecode.autoconfigure;

import java.util.Map;

import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.cli.StreamJsonLimits;
import io.agentobs.claudecode.content.ClaudeCodeOutputContentObservationFilter;
import io.agentobs.claudecode.content.SecretMask;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code sentry.claude-code.secret-environment-variables} and
 * {@code claude-code.stream-json.*}.
 */
class SecretAndStreamJsonPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClaudeCodeObservabilityAutoConfiguration.class,
				ClaudeCodeClientAutoConfiguration.class))
		.withBean(ObservationRegistry.class, () -> {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler((context) -> true);
			return registry;
		});

	@Test
	void variablesMarkedSecretAreMaskedInTheRunsContent() {
		this.contextRunner.withPropertyValues("sentry.claude-code.secret-environment-variables=MY_SERVICE_URL")
			.run((context) -> {
				AgentRunRecorder recorder = context.getBean(AgentRunObservations.class)
					.startRun("prompt", null, null, new SessionCost(),
							Map.of("MY_SERVICE_URL", "https://user:pw@service", "OTHER", "https://public"));
				SecretMask mask = recorder.agentObservation().getContextView().get(SecretMask.class);
				assertThat(mask.mask("https://user:pw@service https://public"))
					.isEqualTo(SecretMask.MASK + " https://public");
				recorder.abandoned();
			});
	}

	@Test
	void processVariablesMarkedSecretAreMaskedInContentOfRunsWithoutAMask() {
		String path = System.getenv("PATH");
		this.contextRunner
			.withPropertyValues("sentry.claude-code.secret-environment-variables=path",
					"sentry.claude-code.record-outputs=true")
			.run((context) -> {
				ToolExecutionObservationContext tool = new ToolExecutionObservationContext("Bash", "toolu_1");
				tool.setResult("PATH=" + path);
				context.getBean(ClaudeCodeOutputContentObservationFilter.class).map(tool);
				assertThat(tool.getHighCardinalityKeyValue("gen_ai.tool.call.result").getValue())
					.isEqualTo("\"PATH=" + SecretMask.MASK + "\"");
			});
	}

	@Test
	void streamJsonLimitsDefaultFarAboveJacksonsAndAreBound() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(CliClaudeCodeClient.class).getStreamJsonLimits())
			.isEqualTo(new StreamJsonLimits(256L * 1024 * 1024, 10_000)));
		this.contextRunner
			.withPropertyValues("claude-code.stream-json.max-line-length=1GB",
					"claude-code.stream-json.max-nesting-depth=50000")
			.run((context) -> assertThat(context.getBean(CliClaudeCodeClient.class).getStreamJsonLimits())
				.isEqualTo(new StreamJsonLimits(1024L * 1024 * 1024, 50_000)));
	}

}
