package io.agentobs.claudecode.observation;

import io.agentobs.claudecode.content.ClaudeCodeInputContentObservationFilter;
import io.agentobs.claudecode.content.ClaudeCodeOutputContentObservationFilter;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;

/**
 * Runs the documented observations through a real registry: names, key values and
 * content filters as a tracing or metrics handler sees them on stop.
 */
class ClaudeCodeObservationRegistryTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void agentRunWithChatAndToolIsObservedWithDocumentedNamesAndKeyValues() {
		AgentInvocationObservationContext agentContext = new AgentInvocationObservationContext("code-reviewer");
		agentContext.setRequestModel("claude-sonnet-4-5");
		agentContext.setConversationId("session-1");
		Observation agent = AgentInvocationObservationDocumentation.AGENT_INVOCATION
			.observation(null, new DefaultAgentInvocationObservationConvention(), () -> agentContext, this.registry)
			.start();
		agent.scoped(() -> {
			ChatObservationContext chatContext = new ChatObservationContext("claude-sonnet-4-5");
			chatContext.setAgentName("code-reviewer");
			ChatObservationDocumentation.CHAT
				.observation(null, new DefaultChatObservationConvention(), () -> chatContext, this.registry)
				.observe(() -> chatContext.setUsage(new TokenUsage(1503L, 87L, 1200L, 300L)));
			ToolExecutionObservationContext toolContext = new ToolExecutionObservationContext("Bash", "toolu_1");
			toolContext.setAgentName("code-reviewer");
			Observation tool = ToolExecutionObservationDocumentation.TOOL_EXECUTION
				.observation(null, new DefaultToolExecutionObservationConvention(), () -> toolContext, this.registry)
				.start();
			toolContext.setErrorType("tool_error");
			tool.stop();
		});
		agentContext.setCostUsd(0.0123);
		agent.stop();

		assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation()
			.hasNumberOfObservationsEqualTo(3)
			.hasObservationWithNameEqualTo("gen_ai.invoke_agent")
			.that()
			.hasContextualNameEqualTo("invoke_agent code-reviewer")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "invoke_agent")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "claude-sonnet-4-5")
			.hasLowCardinalityKeyValue("error.type", KeyValue.NONE_VALUE)
			.hasHighCardinalityKeyValue("gen_ai.conversation.id", "session-1")
			.hasHighCardinalityKeyValue("gen_ai.cost.total_tokens", "0.0123")
			.doesNotHaveParentObservation();
		assertThat(this.registry).hasObservationWithNameEqualTo("gen_ai.chat")
			.that()
			.hasContextualNameEqualTo("chat claude-sonnet-4-5")
			.hasLowCardinalityKeyValue("gen_ai.agent.name", "code-reviewer")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "1503")
			.hasParentObservationContextMatching((parent) -> parent == agentContext);
		assertThat(this.registry).hasObservationWithNameEqualTo("gen_ai.execute_tool")
			.that()
			.hasContextualNameEqualTo("execute_tool Bash")
			.hasLowCardinalityKeyValue("gen_ai.tool.type", "function")
			.hasLowCardinalityKeyValue("error.type", "tool_error")
			.hasHighCardinalityKeyValue("gen_ai.tool.call.id", "toolu_1")
			.hasParentObservationContextMatching((parent) -> parent == agentContext);
	}

	@Test
	void failedRunRecordsTheExceptionAsErrorType() {
		AgentInvocationObservationContext context = new AgentInvocationObservationContext("main");
		Observation observation = AgentInvocationObservationDocumentation.AGENT_INVOCATION
			.observation(null, new DefaultAgentInvocationObservationConvention(), () -> context, this.registry)
			.start();
		observation.error(new IllegalStateException("CLI exited with code 1"));
		observation.stop();

		assertThat(this.registry).hasSingleObservationThat()
			.hasError()
			.hasLowCardinalityKeyValue("error.type", "IllegalStateException")
			.hasLowCardinalityKeyValue("gen_ai.request.model", KeyValue.NONE_VALUE);
	}

	@Test
	void registeredContentFiltersAddContentWhenTheObservationStops() {
		this.registry.observationConfig()
			.observationFilter(new ClaudeCodeInputContentObservationFilter(20 * 1024))
			.observationFilter(new ClaudeCodeOutputContentObservationFilter(20 * 1024));
		ToolExecutionObservationContext context = new ToolExecutionObservationContext("Read", "toolu_2");
		context.setArguments("{\"file_path\":\"/tmp/a.txt\"}");
		Observation observation = ToolExecutionObservationDocumentation.TOOL_EXECUTION
			.observation(null, new DefaultToolExecutionObservationConvention(), () -> context, this.registry)
			.start();
		context.setResult("hello");
		observation.stop();

		assertThat(this.registry).hasSingleObservationThat()
			.hasHighCardinalityKeyValue("gen_ai.tool.call.arguments", "{\"file_path\":\"/tmp/a.txt\"}")
			.hasHighCardinalityKeyValue("gen_ai.tool.call.result", "\"hello\"");
	}

	@Test
	void customConventionReplacesTheDefault() {
		ChatObservationContext context = new ChatObservationContext("claude-haiku-4-5");
		ChatObservationConvention custom = new DefaultChatObservationConvention("my.chat");
		ChatObservationDocumentation.CHAT
			.observation(custom, new DefaultChatObservationConvention(), () -> context, this.registry)
			.observe(() -> {
			});

		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("my.chat")
			.hasContextualNameEqualTo("chat claude-haiku-4-5");
	}

}
