package io.agentobs.claudecode.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static io.agentobs.claudecode.observation.DefaultAgentInvocationObservationConventionTests.documented;
import static io.agentobs.claudecode.observation.DefaultAgentInvocationObservationConventionTests.keys;
import static org.assertj.core.api.Assertions.assertThat;

public class DefaultToolExecutionObservationConventionTests {

	private final DefaultToolExecutionObservationConvention convention =
			new DefaultToolExecutionObservationConvention();

	@Test
	void nameIsExecuteToolObservationAndContextualNameIncludesToolName() {
		assertThat(this.convention.getName()).isEqualTo("gen_ai.execute_tool");
		assertThat(this.convention.getContextualName(new ToolExecutionObservationContext("Bash", "toolu_1")))
			.isEqualTo("execute_tool Bash");
	}

	@Test
	void lowCardinalityKeyValuesOfFullContext() {
		ToolExecutionObservationContext context = fullContext();
		context.setErrorType("tool_error");
		assertThat(this.convention.getLowCardinalityKeyValues(context)).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.operation.name", "execute_tool"), KeyValue.of("gen_ai.provider.name", "anthropic"),
				KeyValue.of("gen_ai.agent.name", "code-reviewer"),
				KeyValue.of("gen_ai.tool.name", "mcp__github__search_issues"),
				KeyValue.of("gen_ai.tool.type", "extension"), KeyValue.of("error.type", "tool_error"));
	}

	@Test
	void lowCardinalityKeyValuesOfMinimalContextUseNoneForMissingValues() {
		assertThat(this.convention.getLowCardinalityKeyValues(new ToolExecutionObservationContext("Read", null)))
			.containsExactlyInAnyOrder(KeyValue.of("gen_ai.operation.name", "execute_tool"),
					KeyValue.of("gen_ai.provider.name", "anthropic"),
					KeyValue.of("gen_ai.agent.name", KeyValue.NONE_VALUE), KeyValue.of("gen_ai.tool.name", "Read"),
					KeyValue.of("gen_ai.tool.type", "function"), KeyValue.of("error.type", KeyValue.NONE_VALUE));
	}

	@Test
	void errorTypeIsSimpleClassNameOfErrorWhenNoErrorTypeIsSet() {
		ToolExecutionObservationContext context = new ToolExecutionObservationContext("Bash", "toolu_1");
		context.setError(new IllegalArgumentException("bad input"));
		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of("error.type", "IllegalArgumentException"));
	}

	@Test
	void highCardinalityKeyValuesOfFullContext() {
		assertThat(this.convention.getHighCardinalityKeyValues(fullContext())).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.conversation.id", "session-1"),
				KeyValue.of("gen_ai.tool.call.id", "toolu_1"), KeyValue.of("claude_code.mcp.server", "github"),
				KeyValue.of("claude_code.permission.decision", "allow_modified"),
				KeyValue.of("claude_code.permission.decided_by", "handler"),
				KeyValue.of("claude_code.permission.wait_ms", "1250"),
				KeyValue.of("claude_code.hooks", "PreToolUse:modify:3,PostToolUse:proceed:1"),
				KeyValue.of("claude_code.tool.duration_ms", "870"), KeyValue.of("claude_code.tool.failure", "Exit code 3"));
	}

	@Test
	void highCardinalityKeyValuesOfMinimalContextAreEmpty() {
		assertThat(this.convention.getHighCardinalityKeyValues(new ToolExecutionObservationContext("Read", null)))
			.isEmpty();
	}

	@Test
	void contentIsNotAddedByTheConvention() {
		ToolExecutionObservationContext context = fullContext();
		assertThat(keys(this.convention.getHighCardinalityKeyValues(context)))
			.doesNotContain("gen_ai.tool.call.arguments", "gen_ai.tool.call.result");
	}

	@Test
	void conventionEmitsEveryDocumentedKeyExceptContent() {
		ToolExecutionObservationContext context = fullContext();
		context.setSkillName("pdf");
		context.setExitCode(3);
		context.setPermissionDenialReasonType("rule");
		context.setPermissionDenialReason("denied by a rule");
		assertThat(keys(this.convention.getLowCardinalityKeyValues(context))).containsExactlyInAnyOrderElementsOf(
				documented(ToolExecutionObservationDocumentation.TOOL_EXECUTION.getLowCardinalityKeyNames()));
		assertThat(keys(this.convention.getHighCardinalityKeyValues(context))).containsExactlyInAnyOrderElementsOf(
				documented(ToolExecutionObservationDocumentation.TOOL_EXECUTION.getHighCardinalityKeyNames()).stream()
					.filter((key) -> !key.startsWith("gen_ai.tool.call.") || key.equals("gen_ai.tool.call.id"))
					.toList());
	}

	@Test
	void supportsOnlyToolExecutionContexts() {
		assertThat(this.convention.supportsContext(new ToolExecutionObservationContext("Bash", "toolu_1"))).isTrue();
		assertThat(this.convention.supportsContext(new AgentInvocationObservationContext("main"))).isFalse();
		assertThat(this.convention.supportsContext(new Observation.Context())).isFalse();
	}

	public static ToolExecutionObservationContext fullContext() {
		ToolExecutionObservationContext context = new ToolExecutionObservationContext("mcp__github__search_issues",
				"toolu_1");
		context.setAgentName("code-reviewer");
		context.setConversationId("session-1");
		context.setArguments("{\"query\":\"is:open\"}");
		context.setResult("3 issues");
		context.setPermission("allow_modified", "handler", 1250L);
		context.addHook("PreToolUse", "modify", 3);
		context.addHook("PostToolUse", "proceed", 1);
		context.setExecution(870L, "Exit code 3");
		return context;
	}

}
