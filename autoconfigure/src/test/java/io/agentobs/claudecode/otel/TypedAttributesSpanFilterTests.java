package io.agentobs.claudecode.otel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.instrument.client.ClaudeCodeMessageAdapter;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import io.agentobs.claudecode.testsupport.OtelTracingFixture;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link TypedAttributesSpanFilter} on the spans the OpenTelemetry SDK exports for
 * replayed CLI transcripts.
 */
class TypedAttributesSpanFilterTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final OtelTracingFixture tracing = OtelTracingFixture.inMemory(this.exporter);

	@AfterEach
	void close() {
		this.tracing.close();
	}

	@Test
	void agentSpanHasLongRunNumbersAndDoubleCost() {
		Transcripts.replay(this.tracing.observations(), "tool-call.jsonl");
		Attributes attributes = span("invoke_agent claude-code").getAttributes();
		assertThat(attributes.get(doubleKey("gen_ai.cost.total_tokens"))).isEqualTo(0.0012417);
		assertThat(attributes.get(doubleKey("gen_ai.cost.input_tokens"))
				+ attributes.get(doubleKey("gen_ai.cost.output_tokens"))).isCloseTo(0.0012417, within(1e-12));
		assertThat(attributes.get(longKey("gen_ai.context.window_size"))).isEqualTo(200000L);
		assertThat(attributes.get(longKey("claude_code.num_turns"))).isEqualTo(2L);
		assertThat(attributes.get(longKey("claude_code.duration_api_ms"))).isEqualTo(232L);
		assertThat(attributes.get(longKey("claude_code.permission_denials"))).isZero();
		assertThat(attributes.get(longKey("claude_code.usage.input_tokens"))).isEqualTo(224L);
		assertThat(attributes.get(longKey("claude_code.usage.output_tokens"))).isEqualTo(40L);
		assertThat(attributes.get(longKey("claude_code.usage.cache_read.input_tokens"))).isEqualTo(14L);
		assertThat(attributes.get(longKey("claude_code.usage.cache_creation.input_tokens"))).isEqualTo(10L);
		assertThat(attributes.get(stringKey("claude_code.result.subtype"))).isEqualTo("success");
		assertThat(types(attributes)).containsEntry("gen_ai.cost.total_tokens", AttributeType.DOUBLE)
			.containsEntry("gen_ai.context.utilization", AttributeType.DOUBLE)
			.containsEntry("claude_code.num_turns", AttributeType.LONG)
			.containsEntry("claude_code.duration_api_ms", AttributeType.LONG)
			.containsEntry("claude_code.permission_denials", AttributeType.LONG)
			.containsEntry("claude_code.usage.input_tokens", AttributeType.LONG)
			.containsEntry("gen_ai.operation.name", AttributeType.STRING)
			.containsEntry("gen_ai.conversation.id", AttributeType.STRING);
	}

	@Test
	void sessionLoadSpanUnderTheAgentHasLongCountsAndNoNonePlaceholder() {
		ClaudeCodeMessageAdapter adapter = new ClaudeCodeMessageAdapter();
		AgentRunRecorder recorder = this.tracing.observations().startRun("prompt", null, null, new SessionCost());
		recorder.sessionLoadStarted("16dcfd66-3edb-4e97-813c-25a11eb88497");
		recorder.sessionLoadFinished(12, 3456, null);
		Transcripts.parse("tool-call.jsonl").forEach((message) -> adapter.record(message, recorder));
		SpanData agent = span("invoke_agent claude-code");
		SpanData load = span("claude_code.session_store.load");
		assertThat(load.getParentSpanId()).isEqualTo(agent.getSpanId());
		assertThat(load.getTraceId()).isEqualTo(agent.getTraceId());
		assertThat(load.getStartEpochNanos()).isGreaterThanOrEqualTo(agent.getStartEpochNanos());
		assertThat(load.getEndEpochNanos()).isLessThanOrEqualTo(agent.getEndEpochNanos());
		Attributes attributes = load.getAttributes();
		assertThat(attributes.get(longKey("claude_code.session_store.entries"))).isEqualTo(12L);
		assertThat(attributes.get(longKey("claude_code.session_store.bytes"))).isEqualTo(3456L);
		assertThat(attributes.get(stringKey("gen_ai.conversation.id"))).isEqualTo("16dcfd66-3edb-4e97-813c-25a11eb88497");
		assertThat(attributes.get(stringKey("error.type"))).as("'none' means absent").isNull();
	}

	@Test
	void chatSpanHasLongTokenCountsAndNoTotals() {
		Transcripts.replay(this.tracing.observations(), "partial-messages.jsonl");
		List<SpanData> chats = spans("chat claude-sonnet-4-5");
		assertThat(chats).hasSize(2).allSatisfy((chat) -> {
			Attributes attributes = chat.getAttributes();
			assertThat(attributes.get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(112L);
			assertThat(attributes.get(longKey("gen_ai.usage.output_tokens"))).isEqualTo(20L);
			assertThat(attributes.get(longKey("gen_ai.usage.cache_read.input_tokens"))).isEqualTo(7L);
			assertThat(attributes.get(longKey("gen_ai.usage.cache_creation.input_tokens"))).isEqualTo(5L);
			assertThat(types(attributes)).containsEntry("gen_ai.usage.input_tokens", AttributeType.LONG)
				.containsEntry("gen_ai.usage.output_tokens", AttributeType.LONG)
				.containsEntry("gen_ai.usage.total_tokens", AttributeType.LONG)
				.containsEntry("gen_ai.response.streaming", AttributeType.BOOLEAN)
				.doesNotContainKeys("claude_code.usage.input_tokens", "gen_ai.cost.total_tokens");
		});
	}

	@Test
	void noneValuesAreDroppedFromAgentSpans() {
		Transcripts.replay(this.tracing.observations(), "tool-call.jsonl");
		assertThat(this.exporter.getFinishedSpanItems()).hasSize(4)
			.allSatisfy((span) -> assertThat(span.getAttributes().asMap()).doesNotContainKey(stringKey("error.type"))
				.doesNotContainValue(KeyValue.NONE_VALUE));
		assertThat(span("execute_tool Bash").getAttributes().get(stringKey("gen_ai.tool.type")))
			.isEqualTo("function");
	}

	@Test
	void errorTypeStaysWhenItIsSet() {
		Transcripts.replay(this.tracing.observations(), "tool-error.jsonl");
		assertThat(span("execute_tool Bash").getAttributes().get(stringKey("error.type"))).isEqualTo("tool_error");
	}

	@Test
	void chatSpanIsClientAndOthersAreInternalUnderTheAgent() {
		Transcripts.replay(this.tracing.observations(), "subagent-foreground.jsonl");
		SpanData agent = span("invoke_agent claude-code");
		SpanData agentTool = span("execute_tool Agent");
		SpanData subagent = span("invoke_agent general-purpose");
		assertThat(agent.getKind()).isEqualTo(SpanKind.INTERNAL);
		assertThat(agentTool.getKind()).isEqualTo(SpanKind.INTERNAL);
		assertThat(subagent.getKind()).isEqualTo(SpanKind.INTERNAL);
		assertThat(agentTool.getParentSpanId()).isEqualTo(agent.getSpanId());
		assertThat(subagent.getParentSpanId()).isEqualTo(agentTool.getSpanId());
		assertThat(spans("chat claude-sonnet-4-5")).hasSize(3)
			.allSatisfy((chat) -> assertThat(chat.getKind()).isEqualTo(SpanKind.CLIENT))
			.extracting(SpanData::getParentSpanId)
			.containsExactlyInAnyOrder(agent.getSpanId(), agent.getSpanId(), subagent.getSpanId());
		assertThat(spans("execute_tool Bash")).singleElement()
			.satisfies((tool) -> assertThat(tool.getKind()).isEqualTo(SpanKind.INTERNAL))
			.satisfies((tool) -> assertThat(tool.getParentSpanId()).isEqualTo(subagent.getSpanId()));
		assertThat(this.exporter.getFinishedSpanItems()).extracting(SpanData::getTraceId)
			.containsOnly(agent.getTraceId());
	}

	@Test
	void otherSpansPassUnchanged() {
		Observation.createNotStarted("other", this.tracing.registry())
			.lowCardinalityKeyValue("gen_ai.operation.name", "embeddings")
			.lowCardinalityKeyValue("error.type", KeyValue.NONE_VALUE)
			.highCardinalityKeyValue("gen_ai.usage.input_tokens", "12")
			.start()
			.stop();
		Attributes attributes = this.exporter.getFinishedSpanItems().get(0).getAttributes();
		assertThat(attributes.get(stringKey("error.type"))).isEqualTo(KeyValue.NONE_VALUE);
		assertThat(attributes.get(stringKey("gen_ai.usage.input_tokens"))).isEqualTo("12");
	}

	@Test
	void numberThatDoesNotParseKeepsItsText() {
		FinishedSpan span = OtelFinishedSpan.fromOtel(spanData(Attributes.of(stringKey("gen_ai.operation.name"),
				"chat", stringKey("gen_ai.usage.input_tokens"), "many", stringKey("gen_ai.usage.output_tokens"), "3")));
		Map<String, Object> tags = new TypedAttributesSpanFilter().map(span).getTypedTags();
		assertThat(tags).containsEntry("gen_ai.usage.input_tokens", "many")
			.containsEntry("gen_ai.usage.output_tokens", 3L);
	}

	private SpanData span(String name) {
		return spans(name).get(0);
	}

	private List<SpanData> spans(String name) {
		List<SpanData> spans = this.exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().equals(name))
			.toList();
		assertThat(spans).as(() -> name + " in " + this.exporter.getFinishedSpanItems()).isNotEmpty();
		return spans;
	}

	private static Map<String, AttributeType> types(Attributes attributes) {
		Map<String, AttributeType> types = new HashMap<>();
		attributes.forEach((AttributeKey<?> key, Object value) -> types.put(key.getKey(), key.getType()));
		return types;
	}

	private static SpanData spanData(Attributes attributes) {
		return TestSpanData.builder()
			.setName("chat")
			.setKind(SpanKind.CLIENT)
			.setSpanContext(SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
					TraceFlags.getSampled(), TraceState.getDefault()))
			.setStartEpochNanos(1)
			.setEndEpochNanos(2)
			.setHasEnded(true)
			.setStatus(StatusData.unset())
			.setAttributes(attributes)
			.build();
	}

}
