package io.agentobs.claudecode.observation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ToolExecutionObservationContextTests {

	@ParameterizedTest
	@ValueSource(strings = { "Bash", "Read", "Write", "Edit", "Glob", "Grep", "Agent", "Task", "TodoWrite",
			"NotebookEdit", "Skill", "SomeFutureTool" })
	void clientSideToolsAreFunctions(String toolName) {
		assertThat(new ToolExecutionObservationContext(toolName, "toolu_1").getToolType()).isEqualTo("function");
	}

	@ParameterizedTest
	@ValueSource(strings = { "WebSearch", "WebFetch", "ListMcpResources", "ReadMcpResource",
			"mcp__github__search_issues", "mcp__claude_ai_Gmail__send" })
	void webAndMcpToolsAreExtensions(String toolName) {
		assertThat(new ToolExecutionObservationContext(toolName, "toolu_1").getToolType()).isEqualTo("extension");
	}

	@Test
	void mcpServerIsTheSegmentBetweenPrefixAndToolName() {
		assertThat(new ToolExecutionObservationContext("mcp__github__search_issues", "toolu_1").getMcpServer())
			.isEqualTo("github");
		assertThat(new ToolExecutionObservationContext("mcp__claude_ai_Gmail__send", "toolu_1").getMcpServer())
			.isEqualTo("claude_ai_Gmail");
	}

	@Test
	void mcpServerIsNullForOtherAndMalformedToolNames() {
		assertThat(ToolExecutionObservationContext.mcpServerOf("Bash")).isNull();
		assertThat(ToolExecutionObservationContext.mcpServerOf("ListMcpResources")).isNull();
		assertThat(ToolExecutionObservationContext.mcpServerOf("mcp__github")).isNull();
		assertThat(ToolExecutionObservationContext.mcpServerOf("mcp____tool")).isNull();
		assertThat(ToolExecutionObservationContext.mcpServerOf(null)).isNull();
	}

	@Test
	void explicitToolTypeAndMcpServerOverrideDerivedValues() {
		ToolExecutionObservationContext context = new ToolExecutionObservationContext("Read", "toolu_1");
		context.setToolType("datastore");
		context.setMcpServer("files");
		assertThat(context.getToolType()).isEqualTo("datastore");
		assertThat(context.getMcpServer()).isEqualTo("files");
	}

	@Test
	void providerDefaultsToAnthropic() {
		assertThat(new ToolExecutionObservationContext("Read", "toolu_1").getProviderName()).isEqualTo("anthropic");
		assertThat(new ChatObservationContext("claude-sonnet-4-5").getProviderName()).isEqualTo("anthropic");
		assertThat(new AgentInvocationObservationContext("main").getProviderName()).isEqualTo("anthropic");
	}

}
