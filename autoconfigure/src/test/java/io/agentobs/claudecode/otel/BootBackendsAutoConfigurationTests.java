package io.agentobs.claudecode.otel;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.agentobs.claudecode.autoconfigure.ClaudeCodeMetricsAutoConfiguration;
import io.agentobs.claudecode.autoconfigure.ClaudeCodeObservabilityAutoConfiguration;
import io.agentobs.claudecode.autoconfigure.ClaudeCodeOpenTelemetryAutoConfiguration;
import io.agentobs.claudecode.metrics.AgentCostObservationHandler;
import io.agentobs.claudecode.metrics.ChatMetricsObservationHandler;
import io.agentobs.claudecode.metrics.RunEventMetricsObservationHandler;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.testsupport.BootLine;
import io.agentobs.claudecode.testsupport.BootLineNeutral;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads Spring Boot's real observation, metrics and OpenTelemetry tracing
 * auto-configurations with ours, in the order the {@code afterName} attributes give, and
 * checks a replayed run end to end: exported spans and meters.
 */
@BootLineNeutral
class BootBackendsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClaudeCodeMetricsAutoConfiguration.class,
				ClaudeCodeOpenTelemetryAutoConfiguration.class, ClaudeCodeObservabilityAutoConfiguration.class))
		.withConfiguration(BootLine.current().observation())
		.withConfiguration(BootLine.current().metrics())
		.withConfiguration(BootLine.current().openTelemetryTracing())
		.withUserConfiguration(InMemoryExporterConfiguration.class)
		.withPropertyValues("management.tracing.sampling.probability=1.0");

	@Test
	void replayedRunIsExportedWithContractSpansAndMeters() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(TypedAttributesSpanFilter.class)
				.hasSingleBean(ContextualNameSpanFilter.class)
				.hasSingleBean(ChatMetricsObservationHandler.class)
				.hasSingleBean(AgentCostObservationHandler.class)
				.hasSingleBean(RunEventMetricsObservationHandler.class);
			Transcripts.replay(context.getBean(AgentRunObservations.class), "subagent-foreground.jsonl");
			List<SpanData> spans = exportedSpans(context);
			assertThat(spans).extracting(SpanData::getName)
				.containsExactlyInAnyOrder("invoke_agent claude-code", "chat claude-sonnet-4-5", "execute_tool Agent",
						"invoke_agent general-purpose", "chat claude-sonnet-4-5", "execute_tool Bash",
						"chat claude-sonnet-4-5");
			SpanData agent = span(spans, "invoke_agent claude-code");
			SpanData agentTool = span(spans, "execute_tool Agent");
			SpanData subagent = span(spans, "invoke_agent general-purpose");
			assertThat(agent.getParentSpanContext().isValid()).isFalse();
			assertThat(agentTool.getParentSpanId()).isEqualTo(agent.getSpanId());
			assertThat(subagent.getParentSpanId()).isEqualTo(agentTool.getSpanId());
			assertThat(span(spans, "execute_tool Bash").getParentSpanId()).isEqualTo(subagent.getSpanId());
			assertThat(spans).filteredOn((span) -> span.getName().startsWith("chat "))
				.extracting(SpanData::getKind)
				.containsOnly(SpanKind.CLIENT);
			assertThat(spans).filteredOn((span) -> !span.getName().startsWith("chat "))
				.extracting(SpanData::getKind)
				.containsOnly(SpanKind.INTERNAL);
			assertThat(agent.getAttributes().get(doubleKey("gen_ai.cost.total_tokens"))).isPositive();
			assertThat(agent.getAttributes().get(longKey("claude_code.num_turns"))).isPositive();
			assertThat(spans).filteredOn((span) -> span.getName().startsWith("chat ")).allSatisfy((chat) -> {
				assertThat(chat.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isPositive();
				assertThat(chat.getAttributes().asMap().keySet()).filteredOn((key) -> key.getKey().startsWith("gen_ai.usage."))
					.isNotEmpty()
					.allSatisfy((key) -> assertThat(key.getType()).isEqualTo(AttributeType.LONG));
			});

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").summaries())
				.hasSize(2);
			assertThat(meters.get("gen_ai.client.operation.duration").timers()).hasSize(2);
			assertThat(meters.get("claude_code.cost").counter().count()).isPositive();
			assertThat(meters.get("gen_ai.chat").timers().stream().mapToLong(Timer::count).sum())
				.as("Boot's observation timers").isEqualTo(3);
			assertThat(meters.get("gen_ai.invoke_agent").timers()).hasSize(2);
		});
	}

	@Test
	void prometheusNamesLeaveOutTheTokenAnnotation() {
		this.runner.withConfiguration(BootLine.current().prometheus()).run((context) -> {
			assertThat(context).hasNotFailed();
			Transcripts.replay(context.getBean(AgentRunObservations.class), "tool-call.jsonl");
			String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
			assertThat(scrape).contains("gen_ai_client_token_usage_bucket{", "gen_ai_client_token_usage_sum{",
					"gen_ai_client_operation_duration_seconds_bucket{", "claude_code_cost_usd_total{")
				.doesNotContain("__token_");
		});
	}

	@Test
	void withoutTheOtelBridgeThereAreNoSpanFilters() {
		this.runner.withClassLoader(new FilteredClassLoader(OtelFinishedSpan.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TypedAttributesSpanFilter.class)
				.doesNotHaveBean(ContextualNameSpanFilter.class)
				.hasSingleBean(ChatMetricsObservationHandler.class));
	}

	@Test
	void withoutAMeterRegistryThereAreNoMetricsHandlers() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ClaudeCodeMetricsAutoConfiguration.class,
					ClaudeCodeOpenTelemetryAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatMetricsObservationHandler.class)
				.doesNotHaveBean(AgentCostObservationHandler.class)
				.doesNotHaveBean(RunEventMetricsObservationHandler.class)
				.hasSingleBean(TypedAttributesSpanFilter.class));
	}

	@Test
	void disabledInstrumentationAddsNoBackends() {
		this.runner.withPropertyValues("sentry.claude-code.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TypedAttributesSpanFilter.class)
				.doesNotHaveBean(ChatMetricsObservationHandler.class)
				.doesNotHaveBean(AgentCostObservationHandler.class));
	}

	@Test
	void userSpanFilterReplacesOurs() {
		this.runner.withBean("custom", TypedAttributesSpanFilter.class, TypedAttributesSpanFilter::new)
			.run((context) -> assertThat(context).getBeans(TypedAttributesSpanFilter.class).containsOnlyKeys("custom"));
	}

	private static List<SpanData> exportedSpans(AssertableApplicationContext context) {
		assertThat(context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
			.isTrue();
		return context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
	}

	private static SpanData span(List<SpanData> spans, String name) {
		return spans.stream().filter((span) -> span.getName().equals(name)).findFirst().orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class InMemoryExporterConfiguration {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
