package io.agentobs.claudecode.observation;

import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static io.agentobs.claudecode.observation.DefaultAgentInvocationObservationConventionTests.documented;
import static io.agentobs.claudecode.observation.DefaultAgentInvocationObservationConventionTests.keys;
import static org.assertj.core.api.Assertions.assertThat;

public class DefaultChatObservationConventionTests {

	private final DefaultChatObservationConvention convention = new DefaultChatObservationConvention();

	@Test
	void nameIsChatObservationAndContextualNameIncludesRequestModel() {
		assertThat(this.convention.getName()).isEqualTo("gen_ai.chat");
		assertThat(this.convention.getContextualName(new ChatObservationContext("claude-sonnet-4-5")))
			.isEqualTo("chat claude-sonnet-4-5");
	}

	@Test
	void contextualNameWithoutRequestModelIsOperationName() {
		assertThat(this.convention.getContextualName(new ChatObservationContext(null))).isEqualTo("chat");
	}

	@Test
	void lowCardinalityKeyValuesOfFullContext() {
		ChatObservationContext context = fullContext();
		context.setErrorType("overloaded_error");
		assertThat(this.convention.getLowCardinalityKeyValues(context)).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.operation.name", "chat"), KeyValue.of("gen_ai.provider.name", "anthropic"),
				KeyValue.of("gen_ai.request.model", "claude-sonnet-4-5"),
				KeyValue.of("gen_ai.agent.name", "code-reviewer"), KeyValue.of("error.type", "overloaded_error"));
	}

	@Test
	void lowCardinalityKeyValuesOfMinimalContextUseNoneForMissingValues() {
		assertThat(this.convention.getLowCardinalityKeyValues(new ChatObservationContext(null)))
			.containsExactlyInAnyOrder(KeyValue.of("gen_ai.operation.name", "chat"),
					KeyValue.of("gen_ai.provider.name", "anthropic"),
					KeyValue.of("gen_ai.request.model", KeyValue.NONE_VALUE),
					KeyValue.of("gen_ai.agent.name", KeyValue.NONE_VALUE),
					KeyValue.of("error.type", KeyValue.NONE_VALUE));
	}

	@Test
	void errorTypeIsSimpleClassNameOfErrorWhenNoErrorTypeIsSet() {
		ChatObservationContext context = new ChatObservationContext("claude-sonnet-4-5");
		context.setError(new java.io.UncheckedIOException(new java.io.IOException("broken pipe")));
		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of("error.type", "UncheckedIOException"));
	}

	@Test
	void highCardinalityKeyValuesOfFullContext() {
		assertThat(this.convention.getHighCardinalityKeyValues(fullContext())).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.conversation.id", "session-1"), KeyValue.of("gen_ai.response.id", "msg_01"),
				KeyValue.of("gen_ai.response.model", "claude-sonnet-4-5-20250929"),
				KeyValue.of("gen_ai.response.finish_reasons", "[\"tool_use\"]"),
				KeyValue.of("gen_ai.response.time_to_first_chunk", "0.75"),
				KeyValue.of("gen_ai.response.streaming", "true"), KeyValue.of("gen_ai.usage.total_tokens", "1590"),
				KeyValue.of("gen_ai.usage.input_tokens", "1503"), KeyValue.of("gen_ai.usage.output_tokens", "87"),
				KeyValue.of("gen_ai.usage.cache_read.input_tokens", "1200"),
				KeyValue.of("gen_ai.usage.cache_creation.input_tokens", "300"));
	}

	@Test
	void highCardinalityKeyValuesOfMinimalContextAreEmpty() {
		assertThat(this.convention.getHighCardinalityKeyValues(new ChatObservationContext("claude-sonnet-4-5")))
			.isEmpty();
	}

	@Test
	void outputAndTotalTokensAreLeftOutWhenOnlyTheSnapshotInputSideIsKnown() {
		ChatObservationContext context = new ChatObservationContext("claude-sonnet-4-5");
		context.setUsage(new TokenUsage(1503L, null, 1200L, 300L));
		assertThat(keys(this.convention.getHighCardinalityKeyValues(context))).containsExactlyInAnyOrder(
				"gen_ai.usage.input_tokens", "gen_ai.usage.cache_read.input_tokens",
				"gen_ai.usage.cache_creation.input_tokens");
	}

	@Test
	void aCompleteResponseIsNotStreamed() {
		ChatObservationContext context = new ChatObservationContext("claude-sonnet-4-5");
		context.setResponseStreaming(false);
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.containsExactly(KeyValue.of("gen_ai.response.streaming", "false"));
	}

	@Test
	void finishReasonsAreAJsonArrayWithEscapedValues() {
		ChatObservationContext context = new ChatObservationContext("claude-sonnet-4-5");
		context.setFinishReasons(List.of("end_turn", "odd \"reason\""));
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.contains(KeyValue.of("gen_ai.response.finish_reasons", "[\"end_turn\",\"odd \\\"reason\\\"\"]"));
	}

	@Test
	void conventionEmitsEveryDocumentedKeyExceptContent() {
		ChatObservationContext context = fullContext();
		context.setOutputType("json");
		context.setRequestStream(true);
		context.setConversationCompacted(true);
		assertThat(keys(this.convention.getLowCardinalityKeyValues(context))).containsExactlyInAnyOrderElementsOf(
				documented(ChatObservationDocumentation.CHAT.getLowCardinalityKeyNames()));
		assertThat(keys(this.convention.getHighCardinalityKeyValues(context))).containsExactlyInAnyOrderElementsOf(
				documented(ChatObservationDocumentation.CHAT.getHighCardinalityKeyNames()).stream()
					.filter((key) -> !key.equals("gen_ai.output.messages"))
					.toList());
	}

	@Test
	void supportsOnlyChatContexts() {
		assertThat(this.convention.supportsContext(new ChatObservationContext("claude-sonnet-4-5"))).isTrue();
		assertThat(this.convention.supportsContext(new ToolExecutionObservationContext("Bash", "toolu_1"))).isFalse();
		assertThat(this.convention.supportsContext(new Observation.Context())).isFalse();
	}

	public static ChatObservationContext fullContext() {
		ChatObservationContext context = new ChatObservationContext("claude-sonnet-4-5");
		context.setAgentName("code-reviewer");
		context.setConversationId("session-1");
		context.setResponseId("msg_01");
		context.setResponseModel("claude-sonnet-4-5-20250929");
		context.setFinishReasons(List.of("tool_use"));
		context.setTimeToFirstChunk(0.75);
		context.setResponseStreaming(true);
		context.setUsage(new TokenUsage(1503L, 87L, 1200L, 300L));
		context.addOutputPart(new ChatOutputPart.Text("Let me look."));
		context.addOutputPart(new ChatOutputPart.ToolCall("toolu_1", "Bash", "{\"command\":\"ls\"}"));
		return context;
	}

}
