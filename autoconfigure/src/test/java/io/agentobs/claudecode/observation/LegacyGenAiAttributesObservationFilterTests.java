package io.agentobs.claudecode.observation;

import java.util.List;

import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LegacyGenAiAttributesObservationFilter}.
 */
class LegacyGenAiAttributesObservationFilterTests {

	private final LegacyGenAiAttributesObservationFilter filter = new LegacyGenAiAttributesObservationFilter();

	@Test
	void agentGetsTheDeprecatedSystemToolsAndCostKeys() {
		AgentInvocationObservationContext context = new AgentInvocationObservationContext("claude-code");
		context.setAvailableTools(List.of("Bash", "Read"));
		context.setCostUsd(0.25);
		this.filter.map(context);
		assertThat(context.getHighCardinalityKeyValues()).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.system", "anthropic"),
				KeyValue.of("gen_ai.request.available_tools", "[\"Bash\",\"Read\"]"),
				KeyValue.of("gen_ai.usage.cost", "0.25"));
	}

	@Test
	void agentWithoutToolsOrCostGetsOnlyTheSystem() {
		AgentInvocationObservationContext context = new AgentInvocationObservationContext("claude-code");
		this.filter.map(context);
		assertThat(context.getHighCardinalityKeyValues())
			.containsExactly(KeyValue.of("gen_ai.system", "anthropic"));
	}

	@Test
	void chatAndToolGetTheSystem() {
		ChatObservationContext chat = new ChatObservationContext("claude-sonnet-4-5");
		chat.setProviderName("aws.bedrock");
		ToolExecutionObservationContext tool = new ToolExecutionObservationContext("Bash", "toolu_1");
		this.filter.map(chat);
		this.filter.map(tool);
		assertThat(chat.getHighCardinalityKeyValues()).containsExactly(KeyValue.of("gen_ai.system", "aws.bedrock"));
		assertThat(tool.getHighCardinalityKeyValues()).containsExactly(KeyValue.of("gen_ai.system", "anthropic"));
	}

}
