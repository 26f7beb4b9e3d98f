package io.agentobs.claudecode.otel;

import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.testsupport.BootLineNeutral;
import io.agentobs.claudecode.testsupport.OtelTracingFixture;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ContextualNameSpanFilter}.
 */
@BootLineNeutral
class ContextualNameSpanFilterTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	@Test
	void exportedSpansKeepTheContextualNamesOfTheContract() {
		try (OtelTracingFixture tracing = OtelTracingFixture.inMemory(this.exporter)) {
			Transcripts.replay(tracing.observations(), "subagent-foreground.jsonl");
			assertThat(this.exporter.getFinishedSpanItems()).extracting(SpanData::getName)
				.containsExactlyInAnyOrder("invoke_agent claude-code", "chat claude-sonnet-4-5", "execute_tool Agent",
						"invoke_agent general-purpose", "chat claude-sonnet-4-5", "execute_tool Bash",
						"chat claude-sonnet-4-5");
		}
	}

	@Test
	void withoutTheFilterMicrometerTracing15RewritesCapitalisedNames() {
		// Micrometer Tracing 1.5 (Spring Boot 3.5) lower-hyphens names; 1.6 (Spring Boot 4) keeps them.
		boolean rewrites = SpringBootVersion.getVersion().startsWith("3.");
		try (OtelTracingFixture tracing = new OtelTracingFixture(this.exporter, new TypedAttributesSpanFilter())) {
			AgentRunObservations observations = AgentRunObservations.builder(tracing.registry()).agentName("ReviewAgent").build();
			Transcripts.replay(observations, "tool-call.jsonl");
			assertThat(this.exporter.getFinishedSpanItems()).extracting(SpanData::getName)
				.contains(rewrites ? new String[] { "invoke_agent -review-agent", "execute_tool -bash" }
						: new String[] { "invoke_agent ReviewAgent", "execute_tool Bash" });
		}
	}

	@Test
	void capitalisedAgentNameIsRestoredOnEveryLine() {
		try (OtelTracingFixture tracing = OtelTracingFixture.inMemory(this.exporter)) {
			AgentRunObservations observations = AgentRunObservations.builder(tracing.registry()).agentName("ReviewAgent").build();
			Transcripts.replay(observations, "tool-call.jsonl");
			assertThat(this.exporter.getFinishedSpanItems()).extracting(SpanData::getName)
				.containsExactlyInAnyOrder("invoke_agent ReviewAgent", "chat claude-sonnet-4-5", "execute_tool Bash",
						"chat claude-sonnet-4-5");
		}
	}

	@Test
	void capitalisedAgentNameIsRestored() {
		FinishedSpan span = span("invoke_agent -review-agent", "invoke_agent", "gen_ai.agent.name", "ReviewAgent");
		assertThat(new ContextualNameSpanFilter().map(span).getName()).isEqualTo("invoke_agent ReviewAgent");
	}

	@Test
	void nameFromACustomConventionIsLeftAlone() {
		FinishedSpan span = span("tool call", "execute_tool", "gen_ai.tool.name", "Bash");
		assertThat(new ContextualNameSpanFilter().map(span).getName()).isEqualTo("tool call");
	}

	@Test
	void otherSpansAreLeftAlone() {
		FinishedSpan span = span("http -get", "embeddings", "gen_ai.request.model", "Get");
		assertThat(new ContextualNameSpanFilter().map(span).getName()).isEqualTo("http -get");
	}

	private static FinishedSpan span(String name, String operation, String subjectKey, String subject) {
		return OtelFinishedSpan.fromOtel(TestSpanData.builder()
			.setName(name)
			.setKind(SpanKind.INTERNAL)
			.setSpanContext(SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
					TraceFlags.getSampled(), TraceState.getDefault()))
			.setStartEpochNanos(1)
			.setEndEpochNanos(2)
			.setHasEnded(true)
			.setStatus(StatusData.unset())
			.setAttributes(Attributes.of(stringKey("gen_ai.operation.name"), operation, stringKey(subjectKey), subject))
			.build());
	}

}
