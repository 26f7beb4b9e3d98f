package io.agentobs.claudecode.content;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.DefaultAgentInvocationObservationConventionTests;
import io.agentobs.claudecode.observation.DefaultChatObservationConventionTests;
import io.agentobs.claudecode.observation.DefaultToolExecutionObservationConventionTests;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static io.agentobs.claudecode.observation.DefaultAgentInvocationObservationConventionTests.keys;
import static org.assertj.core.api.Assertions.assertThat;

class ContentObservationFilterTests {

	private static final int MAX_LENGTH = 20 * 1024;

	private final ClaudeCodeInputContentObservationFilter inputFilter = new ClaudeCodeInputContentObservationFilter(
			MAX_LENGTH);

	private final ClaudeCodeOutputContentObservationFilter outputFilter = new ClaudeCodeOutputContentObservationFilter(
			MAX_LENGTH);

	@Test
	void inputFilterAddsPromptAndSystemInstructionsToAgentInvocation() {
		AgentInvocationObservationContext context = DefaultAgentInvocationObservationConventionTests.fullContext();
		this.inputFilter.map(context);
		assertThat(context.getHighCardinalityKeyValues()).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.input.messages",
						"[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Review the diff\"}]}]"),
				KeyValue.of("gen_ai.system_instructions", "[{\"type\":\"text\",\"content\":\"You are a reviewer\"}]"));
		assertThat(context.getLowCardinalityKeyValues()).isEmpty();
	}

	@Test
	void inputFilterAddsToolCallArgumentsAsJson() {
		ToolExecutionObservationContext context = DefaultToolExecutionObservationConventionTests.fullContext();
		this.inputFilter.map(context);
		assertThat(context.getHighCardinalityKeyValues())
			.containsExactly(KeyValue.of("gen_ai.tool.call.arguments", "{\"query\":\"is:open\"}"));
	}

	@Test
	void inputFilterLeavesChatAndOtherContextsAlone() {
		ChatObservationContext chat = DefaultChatObservationConventionTests.fullContext();
		Observation.Context other = new Observation.Context();
		assertThat(this.inputFilter.map(chat)).isSameAs(chat);
		assertThat(this.inputFilter.map(other)).isSameAs(other);
		assertThat(chat.getHighCardinalityKeyValues()).isEmpty();
		assertThat(other.getHighCardinalityKeyValues()).isEmpty();
	}

	@Test
	void outputFilterAddsFinalResultToAgentInvocation() {
		AgentInvocationObservationContext context = DefaultAgentInvocationObservationConventionTests.fullContext();
		this.outputFilter.map(context);
		assertThat(context.getHighCardinalityKeyValues()).containsExactly(KeyValue.of("gen_ai.output.messages",
				"[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Looks good\"}]}]"));
	}

	@Test
	void outputFilterAddsTextAndToolCallPartsToChat() {
		ChatObservationContext context = DefaultChatObservationConventionTests.fullContext();
		this.outputFilter.map(context);
		assertThat(context.getHighCardinalityKeyValues()).containsExactly(KeyValue.of("gen_ai.output.messages",
				"[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Let me look.\"},"
						+ "{\"type\":\"tool_call\",\"id\":\"toolu_1\",\"name\":\"Bash\","
						+ "\"arguments\":{\"command\":\"ls\"}}]}]"));
	}

	@Test
	void outputFilterWritesToolResultAsJsonString() {
		ToolExecutionObservationContext context = DefaultToolExecutionObservationConventionTests.fullContext();
		context.setResult("line 1\n\"quoted\"");
		this.outputFilter.map(context);
		assertThat(context.getHighCardinalityKeyValues())
			.containsExactly(KeyValue.of("gen_ai.tool.call.result", "\"line 1\\n\\\"quoted\\\"\""));
	}

	@Test
	void toolCallArgumentsThatAreNotJsonAreWrittenAsJsonString() throws Exception {
		ChatObservationContext chat = new ChatObservationContext("claude-sonnet-4-5");
		chat.addOutputPart(new ChatOutputPart.ToolCall("toolu_1", "Bash", "{\"command\": \"ls\"  oops"));
		this.outputFilter.map(chat);
		String value = chat.getHighCardinalityKeyValue("gen_ai.output.messages").getValue();
		assertThat(new ObjectMapper().readTree(value).at("/0/parts/0/arguments").asText())
			.isEqualTo("{\"command\": \"ls\"  oops");
	}

	@Test
	void filtersAddNothingWhenContentIsMissing() {
		List<Observation.Context> contexts = List.of(new AgentInvocationObservationContext("main"),
				new ChatObservationContext("claude-sonnet-4-5"),
				new ToolExecutionObservationContext("Bash", "toolu_1"));
		for (Observation.Context context : contexts) {
			this.inputFilter.map(context);
			this.outputFilter.map(context);
			assertThat(context.getHighCardinalityKeyValues()).as(context.getClass().getSimpleName()).isEmpty();
		}
	}

	@Test
	void outputFilterLeavesInputsOutAndInputFilterLeavesOutputsOut() {
		AgentInvocationObservationContext agent = DefaultAgentInvocationObservationConventionTests.fullContext();
		ToolExecutionObservationContext tool = DefaultToolExecutionObservationConventionTests.fullContext();
		this.outputFilter.map(agent);
		this.outputFilter.map(tool);
		assertThat(keys(KeyValues.of(agent.getHighCardinalityKeyValues()))).containsExactly("gen_ai.output.messages");
		assertThat(keys(KeyValues.of(tool.getHighCardinalityKeyValues()))).containsExactly("gen_ai.tool.call.result");
	}

	@Test
	void filtersRespectTheirMaxLength() {
		ToolExecutionObservationContext context = new ToolExecutionObservationContext("Write", "toolu_1");
		context.setArguments("{\"content\":\"" + "a".repeat(100_000) + "\"}");
		context.setResult("b".repeat(100_000));
		new ClaudeCodeInputContentObservationFilter(1000).map(context);
		new ClaudeCodeOutputContentObservationFilter(500).map(context);
		assertThat(context.getHighCardinalityKeyValue("gen_ai.tool.call.arguments").getValue())
			.hasSizeLessThanOrEqualTo(1000)
			.hasSizeGreaterThan(900);
		assertThat(context.getHighCardinalityKeyValue("gen_ai.tool.call.result").getValue())
			.hasSizeLessThanOrEqualTo(500)
			.hasSizeGreaterThan(400);
	}

}
