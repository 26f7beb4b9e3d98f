package io.agentobs.claudecode.observation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class DefaultAgentInvocationObservationConventionTests {

	private final DefaultAgentInvocationObservationConvention convention =
			new DefaultAgentInvocationObservationConvention();

	@Test
	void nameIsInvokeAgentObservationAndContextualNameIncludesAgentName() {
		assertThat(this.convention.getName()).isEqualTo("gen_ai.invoke_agent");
		assertThat(this.convention.getContextualName(new AgentInvocationObservationContext("code-reviewer")))
			.isEqualTo("invoke_agent code-reviewer");
	}

	@Test
	void contextualNameWithoutAgentNameIsOperationName() {
		assertThat(this.convention.getContextualName(new AgentInvocationObservationContext(null)))
			.isEqualTo("invoke_agent");
	}

	@Test
	void lowCardinalityKeyValuesOfFullContext() {
		AgentInvocationObservationContext context = fullContext();
		context.setErrorType("error_max_turns");
		assertThat(this.convention.getLowCardinalityKeyValues(context)).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.operation.name", "invoke_agent"), KeyValue.of("gen_ai.provider.name", "anthropic"),
				KeyValue.of("gen_ai.request.model", "claude-sonnet-4-5"),
				KeyValue.of("gen_ai.agent.name", "code-reviewer"), KeyValue.of("error.type", "error_max_turns"));
	}

	@Test
	void lowCardinalityKeyValuesOfMinimalContextUseNoneForMissingValues() {
		AgentInvocationObservationContext context = new AgentInvocationObservationContext(null);
		assertThat(this.convention.getLowCardinalityKeyValues(context)).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.operation.name", "invoke_agent"), KeyValue.of("gen_ai.provider.name", "anthropic"),
				KeyValue.of("gen_ai.request.model", KeyValue.NONE_VALUE),
				KeyValue.of("gen_ai.agent.name", KeyValue.NONE_VALUE), KeyValue.of("error.type", KeyValue.NONE_VALUE));
	}

	@Test
	void errorTypeIsSimpleClassNameOfErrorWhenNoErrorTypeIsSet() {
		AgentInvocationObservationContext context = new AgentInvocationObservationContext("main");
		context.setError(new IllegalStateException("CLI exited"));
		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of("error.type", "IllegalStateException"));
	}

	@Test
	void explicitErrorTypeWinsOverError() {
		AgentInvocationObservationContext context = new AgentInvocationObservationContext("main");
		context.setError(new IllegalStateException("CLI exited"));
		context.setErrorType("error_during_execution");
		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of("error.type", "error_during_execution"));
	}

	@Test
	void highCardinalityKeyValuesOfFullContext() {
		assertThat(this.convention.getHighCardinalityKeyValues(fullContext())).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.conversation.id", "session-1"), KeyValue.of("gen_ai.agent.id", "agent-7"),
				KeyValue.of("gen_ai.tool.definitions",
						"[{\"type\":\"function\",\"name\":\"Bash\"},{\"type\":\"function\",\"name\":\"Read\"},"
								+ "{\"type\":\"function\",\"name\":\"mcp__github__search\"}]"),
				KeyValue.of("gen_ai.cost.total_tokens", "0.0123"), KeyValue.of("gen_ai.cost.input_tokens", "0.0023"),
				KeyValue.of("gen_ai.cost.output_tokens", "0.01"), KeyValue.of("gen_ai.context.window_size", "200000"),
				KeyValue.of("gen_ai.context.utilization", "0.25"), KeyValue.of("claude_code.num_turns", "3"),
				KeyValue.of("claude_code.duration_api_ms", "4567"),
				KeyValue.of("claude_code.result.subtype", "success"),
				KeyValue.of("claude_code.terminal_reason", "completed"),
				KeyValue.of("claude_code.permission_denials", "1"),
				KeyValue.of("claude_code.usage.input_tokens", "1500"),
				KeyValue.of("claude_code.usage.output_tokens", "200"),
				KeyValue.of("claude_code.usage.cache_read.input_tokens", "1000"),
				KeyValue.of("claude_code.usage.cache_creation.input_tokens", "400"));
	}

	@Test
	void highCardinalityKeyValuesOfMinimalContextAreEmpty() {
		assertThat(this.convention.getHighCardinalityKeyValues(new AgentInvocationObservationContext("main")))
			.isEmpty();
	}

	@Test
	void unknownTokenCountsAndEmptyToolListAreLeftOut() {
		AgentInvocationObservationContext context = new AgentInvocationObservationContext("main");
		context.setTotalUsage(new TokenUsage(10L, null, null, null));
		context.setAvailableTools(List.of());
		assertThat(keys(this.convention.getHighCardinalityKeyValues(context)))
			.containsExactly("claude_code.usage.input_tokens");
	}

	@Test
	void providerNameIsUsedForProviderAndNotForTheDeprecatedSystem() {
		AgentInvocationObservationContext context = new AgentInvocationObservationContext("main");
		context.setProviderName("aws.bedrock");
		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of("gen_ai.provider.name", "aws.bedrock"));
		assertThat(keys(this.convention.getHighCardinalityKeyValues(context))).doesNotContain("gen_ai.system");
	}

	@Test
	void conventionEmitsEveryDocumentedKeyExceptContent() {
		AgentInvocationObservationContext context = fullContext();
		context.setOutputType(AgentInvocationObservationContext.OUTPUT_TYPE_JSON);
		context.setConversationCompacted(true);
		context.setRateLimitStatus("allowed_warning");
		context.setRateLimitType("five_hour");
		context.setRateLimitUtilization(0.82);
		context.setRequestParameters(new BigDecimal("2.50"), "high", "claude-haiku-4-5");
		assertThat(keys(this.convention.getLowCardinalityKeyValues(context)))
			.containsExactlyInAnyOrderElementsOf(documented(AgentInvocationObservationDocumentation.AGENT_INVOCATION
				.getLowCardinalityKeyNames()));
		List<String> content = List.of("gen_ai.input.messages", "gen_ai.system_instructions",
				"gen_ai.output.messages");
		assertThat(keys(this.convention.getHighCardinalityKeyValues(context)))
			.containsExactlyInAnyOrderElementsOf(documented(
					AgentInvocationObservationDocumentation.AGENT_INVOCATION.getHighCardinalityKeyNames())
				.stream()
				.filter((key) -> !content.contains(key))
				.toList());
	}

	@Test
	void supportsOnlyAgentInvocationContexts() {
		assertThat(this.convention.supportsContext(new AgentInvocationObservationContext("main"))).isTrue();
		assertThat(this.convention.supportsContext(new ChatObservationContext("claude-sonnet-4-5"))).isFalse();
		assertThat(this.convention.supportsContext(new Observation.Context())).isFalse();
	}

	public static AgentInvocationObservationContext fullContext() {
		AgentInvocationObservationContext context = new AgentInvocationObservationContext("code-reviewer");
		context.setRequestModel("claude-sonnet-4-5");
		context.setConversationId("session-1");
		context.setAgentId("agent-7");
		context.setAvailableTools(List.of("Bash", "Read", "mcp__github__search"));
		context.setPrompt("Review the diff");
		context.setSystemInstructions("You are a reviewer");
		context.setOutputText("Looks good");
		context.setNumTurns(3);
		context.setDurationApiMs(4567L);
		context.setResultSubtype("success");
		context.setTerminalReason("completed");
		context.setPermissionDenials(1);
		context.setCostUsd(0.0123);
		context.setInputCostUsd(0.0023);
		context.setOutputCostUsd(0.01);
		context.setContextWindowSize(200000L);
		context.setContextUtilization(0.25);
		context.setTotalUsage(new TokenUsage(1500L, 200L, 1000L, 400L));
		return context;
	}

	public static List<String> keys(KeyValues keyValues) {
		return keyValues.stream().map(KeyValue::getKey).toList();
	}

	static List<String> documented(KeyName[] keyNames) {
		return Arrays.stream(keyNames).map(KeyName::asString).toList();
	}

}
