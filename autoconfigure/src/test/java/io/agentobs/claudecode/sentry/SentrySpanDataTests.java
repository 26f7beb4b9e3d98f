package io.agentobs.claudecode.sentry;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.TokenUsage;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SentrySpanData}.
 */
class SentrySpanDataTests {

	@Test
	void numbersAreNumbers() {
		AgentInvocationObservationContext context = new AgentInvocationObservationContext("claude-code");
		context.setCostUsd(0.25);
		context.setNumTurns(3);
		context.setTotalUsage(new TokenUsage(120L, 30L, null, null));
		context.addHighCardinalityKeyValue(KeyValue.of("gen_ai.cost.total_tokens", "0.25"));
		context.addHighCardinalityKeyValue(KeyValue.of("claude_code.num_turns", "3"));
		context.addHighCardinalityKeyValue(KeyValue.of("claude_code.usage.input_tokens", "120"));
		assertThat(SentrySpanData.of(context)).containsEntry("gen_ai.cost.total_tokens", 0.25)
			.containsEntry("claude_code.num_turns", 3L)
			.containsEntry("claude_code.usage.input_tokens", 120L);
	}

	@Test
	void valueChangedByACustomConventionKeepsItsText() {
		ChatObservationContext context = new ChatObservationContext("claude-sonnet-4-5");
		context.setUsage(new TokenUsage(100L, 20L, null, null));
		context.addHighCardinalityKeyValue(KeyValue.of("gen_ai.usage.input_tokens", "about 100"));
		assertThat(SentrySpanData.of(context)).containsEntry("gen_ai.usage.input_tokens", "about 100");
	}

	@Test
	void noneValuesAreSkippedAndOtherValuesKept() {
		ChatObservationContext context = new ChatObservationContext(null);
		context.addLowCardinalityKeyValue(KeyValue.of("gen_ai.request.model", KeyValue.NONE_VALUE));
		context.addLowCardinalityKeyValue(KeyValue.of("gen_ai.operation.name", "chat"));
		context.addHighCardinalityKeyValue(KeyValue.of("gen_ai.response.id", "msg_1"));
		assertThat(SentrySpanData.of(context)).containsOnlyKeys("gen_ai.operation.name", "gen_ai.response.id");
	}

	@Test
	void flagsAreBooleans() {
		ChatObservationContext context = new ChatObservationContext("claude-sonnet-4-5");
		context.addHighCardinalityKeyValue(KeyValue.of("gen_ai.response.streaming", "true"));
		assertThat(SentrySpanData.of(context)).containsEntry("gen_ai.response.streaming", true);
	}

	@Test
	void keysSentryDeprecatesAreKeptOnlyWithLegacyAttributes() {
		ToolExecutionObservationContext context = new ToolExecutionObservationContext("Bash", "toolu_1");
		context.addLowCardinalityKeyValue(KeyValue.of("gen_ai.tool.type", "function"));
		context.addLowCardinalityKeyValue(KeyValue.of("gen_ai.tool.name", "Bash"));
		assertThat(SentrySpanData.of(context)).containsOnlyKeys("gen_ai.tool.name");
		assertThat(SentrySpanData.of(context, true)).containsOnlyKeys("gen_ai.tool.name", "gen_ai.tool.type");
	}

}
