package io.agentobs.claudecode.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.content.ClaudeCodeOutputContentObservationFilter;
import io.agentobs.claudecode.instrument.client.ClaudeCodeMessageAdapter;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentRunFailedException;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionFailedException;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays real CLI recordings with the lines CLI 2.1.328 writes for permission denials, rate
 * limits, compactions, structured output, budgets, MCP and Skill calls spliced in (shapes of
 * the TypeScript Agent SDK's {@code sdk.d.ts}), and checks the exact attributes and span
 * events of docs/telemetry.md.
 */
class RunEventsReplayTests {

	private static final String SESSION = "16dcfd66-3edb-4e97-813c-25a11eb88497";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	private final List<String> spanEvents = new ArrayList<>();

	private final AgentRunObservations observations = AgentRunObservations.builder(this.registry).build();

	RunEventsReplayTests() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onEvent(Observation.Event event, Observation.Context context) {
				// Contextual names are set when an observation stops: name the span by its subject
				String span = (context instanceof ToolExecutionObservationContext tool)
						? "execute_tool " + tool.getToolName()
						: (context instanceof AgentInvocationObservationContext agent)
								? "invoke_agent " + agent.getAgentName() : context.getName();
				RunEventsReplayTests.this.spanEvents.add(span + ": " + event.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
	}

	@AfterEach
	void everyObservationStoppedOnce() {
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
	}

	@Test
	void permissionDenialIsAnEventWithItsReasonOnTheToolSpan() {
		List<String> lines = new ArrayList<>(Transcripts.lines("tool-call.jsonl"));
		lines.add(3, line("""
				{"type":"system","subtype":"permission_denied","tool_name":"Bash","tool_use_id":"toolu_0002",\
				"decision_reason_type":"rule","decision_reason":"Bash(echo:*) is denied by a rule in settings",\
				"message":"Permission to use Bash has been denied.","uuid":"u-1","session_id":"%s"}"""));
		lines.set(4, edit(lines.get(4), (user) -> {
			ObjectNode result = (ObjectNode) user.at("/message/content/0");
			result.put("content", "Permission to use Bash has been denied.");
			result.put("is_error", true);
			user.put("tool_use_result", "Error: Permission to use Bash has been denied.");
			return user;
		}));
		replay(lines);

		ToolExecutionObservationContext tool = tools().get(0);
		assertThat(tool.getErrorType()).isEqualTo("permission_denied");
		assertThat(tool.getError()).isInstanceOf(ToolExecutionFailedException.class);
		assertThat(tool.getHighCardinalityKeyValues()).contains(
				KeyValue.of("claude_code.permission.denial.reason_type", "rule"),
				KeyValue.of("claude_code.permission.denial.reason", "Bash(echo:*) is denied by a rule in settings"));
		assertThat(tool.getLowCardinalityKeyValue("error.type").getValue()).isEqualTo("permission_denied");
		assertThat(tool.getHighCardinalityKeyValue("process.exit.code")).isNull();
		assertThat(this.spanEvents).containsExactly("execute_tool Bash: claude_code.permission.denied");
		assertThat(agents().get(0).getError()).isNull();
	}

	@Test
	void permissionDenialReasonHasTheRunsSecretsMasked() {
		String secret = "sk-ant-secret-value-123";
		List<String> lines = new ArrayList<>(Transcripts.lines("tool-call.jsonl"));
		lines.add(3, "{\"type\":\"system\",\"subtype\":\"permission_denied\",\"tool_name\":\"Bash\","
				+ "\"tool_use_id\":\"toolu_0002\",\"message\":\"Permission to run echo " + secret + " denied\"}");
		AgentRunRecorder recorder = this.observations.startRun("prompt", null, null, new SessionCost(),
				Map.of("ANTHROPIC_API_KEY", secret));
		ClaudeCodeMessageAdapter adapter = new ClaudeCodeMessageAdapter();
		parse(lines).forEach((message) -> adapter.record(message, recorder));
		assertThat(recorder.isFinished()).isTrue();
		assertThat(tools().get(0).getPermissionDenialReason()).isEqualTo("Permission to run echo [REDACTED] denied");
	}

	@Test
	void rateLimitEventIsAnEventWithItsUtilizationOnTheRunSpan() {
		List<String> lines = new ArrayList<>(Transcripts.lines("tool-call.jsonl"));
		lines.add(1, line("""
				{"type":"rate_limit_event","rate_limit_info":{"status":"allowed_warning","resetsAt":1796860800,\
				"rateLimitType":"five_hour","utilization":0.82},"uuid":"u-2","session_id":"%s"}"""));
		replay(lines);

		AgentInvocationObservationContext agent = agents().get(0);
		assertThat(agent.getHighCardinalityKeyValues()).contains(
				KeyValue.of("claude_code.rate_limit.status", "allowed_warning"),
				KeyValue.of("claude_code.rate_limit.type", "five_hour"),
				KeyValue.of("claude_code.rate_limit.utilization", "0.82"));
		assertThat(this.spanEvents).containsExactly("invoke_agent claude-code: claude_code.rate_limit");
	}

	@Test
	void compactionIsAnEventAndMarksTheChatsAfterIt() {
		List<String> lines = new ArrayList<>(Transcripts.lines("partial-messages.jsonl"));
		int toolResult = indexOf(lines, "\"type\":\"user\"");
		lines.add(toolResult + 1, line("""
				{"type":"system","subtype":"compact_boundary","compact_metadata":{"trigger":"auto","pre_tokens":167012},\
				"uuid":"u-3","session_id":"%s"}"""));
		replay(lines);

		List<ChatObservationContext> chats = chats();
		assertThat(chats).hasSize(2);
		assertThat(chats.get(0).getHighCardinalityKeyValue("gen_ai.conversation.compacted")).isNull();
		assertThat(chats.get(1).getHighCardinalityKeyValues())
			.contains(KeyValue.of("gen_ai.conversation.compacted", "true"));
		assertThat(agents().get(0).getHighCardinalityKeyValues())
			.contains(KeyValue.of("gen_ai.conversation.compacted", "true"));
		assertThat(this.spanEvents).containsExactly("invoke_agent claude-code: claude_code.compaction");
	}

	@Test
	void runWithAJsonSchemaHasJsonOutputOnItsChatsAndRecordsTheStructuredOutput() {
		List<String> lines = new ArrayList<>(Transcripts.lines("tool-call.jsonl"));
		lines.set(0, edit(lines.get(0), (init) -> {
			((ArrayNode) init.get("tools")).add("StructuredOutput");
			return init;
		}));
		int last = lines.size() - 1;
		lines.set(last, edit(lines.get(last), (result) -> {
			result.put("result", "{\"answer\":42}");
			result.putObject("structured_output").put("answer", 42);
			return result;
		}));
		replay(lines);

		AgentInvocationObservationContext agent = agents().get(0);
		assertThat(agent.getHighCardinalityKeyValues()).contains(KeyValue.of("gen_ai.output.type", "json"));
		assertThat(agent.getOutputText()).isEqualTo("{\"answer\":42}");
		new ClaudeCodeOutputContentObservationFilter(20_000).map(agent);
		assertThat(agent.getHighCardinalityKeyValue("gen_ai.output.messages").getValue()).isEqualTo(
				"[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"{\\\"answer\\\":42}\"}]}]");
		assertThat(chats()).hasSize(2).allSatisfy((chat) -> assertThat(chat.getHighCardinalityKeyValues())
			.contains(KeyValue.of("gen_ai.output.type", "json")));
	}

	@Test
	void structuredOutputToolCallMakesTheRunAndTheCallingChatJson() {
		List<String> lines = new ArrayList<>(Transcripts.lines("tool-call.jsonl"));
		lines.set(2, edit(lines.get(2), (assistant) -> {
			ObjectNode toolUse = (ObjectNode) assistant.at("/message/content/0");
			toolUse.put("name", "StructuredOutput");
			toolUse.set("input", Json.mapper().createObjectNode().put("answer", 42));
			return assistant;
		}));
		replay(lines);

		assertThat(agents().get(0).getOutputType()).isEqualTo("json");
		assertThat(agents().get(0).getOutputText()).isEqualTo("{\"answer\":42}");
		assertThat(chats()).extracting(ChatObservationContext::getOutputType).containsExactly("json", "json");
	}

	@Test
	void runWithoutASchemaHasNoOutputType() {
		replay(Transcripts.lines("tool-call.jsonl"));
		assertThat(agents().get(0).getHighCardinalityKeyValue("gen_ai.output.type")).isNull();
		assertThat(chats()).hasSize(2)
			.allSatisfy((chat) -> assertThat(chat.getHighCardinalityKeyValue("gen_ai.output.type")).isNull());
		assertThat(this.spanEvents).isEmpty();
	}

	@Test
	void budgetStopIsTheRunsErrorType() {
		List<String> lines = new ArrayList<>(Transcripts.lines("tool-call.jsonl"));
		int last = lines.size() - 1;
		lines.set(last, edit(lines.get(last), (result) -> {
			result.put("subtype", "error_max_budget_usd");
			result.put("is_error", true);
			result.put("terminal_reason", "budget_exhausted");
			result.putArray("errors").add("Reached maximum budget ($0.001)");
			result.remove("result");
			return result;
		}));
		replay(lines);

		AgentInvocationObservationContext agent = agents().get(0);
		assertThat(agent.getLowCardinalityKeyValue("error.type").getValue()).isEqualTo("error_max_budget_usd");
		assertThat(agent.getError()).isInstanceOfSatisfying(AgentRunFailedException.class,
				(error) -> assertThat(error.getErrorType()).isEqualTo("error_max_budget_usd"));
		assertThat(agent.getHighCardinalityKeyValues())
			.contains(KeyValue.of("claude_code.terminal_reason", "budget_exhausted"));
	}

	@Test
	void streamedCallsAskForAStreamAndTheNonStreamedRetryDoesNot() {
		replay(Transcripts.lines("partial-messages.jsonl"));
		assertThat(chats()).hasSize(2).allSatisfy((chat) -> assertThat(chat.getHighCardinalityKeyValues())
			.contains(KeyValue.of("gen_ai.request.stream", "true")));
	}

	@Test
	void nonStreamedRetryOfACutStreamHasStreamFalse() {
		replay(Transcripts.lines("stream-error-retry.jsonl"));
		assertThat(chats()).extracting(ChatObservationContext::getRequestStream).containsExactly(true, false);
	}

	@Test
	void fallbackModelIsTheResponseModelOfTheChatItAnswered() {
		List<String> lines = new ArrayList<>(Transcripts.lines("partial-messages.jsonl"));
		int second = indexOf(lines, "\"id\":\"msg_tool_0036\"");
		for (int i = second; i < lines.size(); i++) {
			lines.set(i, lines.get(i).replace("\"model\":\"claude-sonnet-4-5\"", "\"model\":\"claude-haiku-4-5\""));
		}
		replay(lines);

		List<ChatObservationContext> chats = chats();
		assertThat(chats).extracting(ChatObservationContext::getRequestModel)
			.containsExactly("claude-sonnet-4-5", "claude-sonnet-4-5");
		assertThat(chats).extracting(ChatObservationContext::getResponseModel)
			.containsExactly("claude-sonnet-4-5", "claude-haiku-4-5");
		assertThat(chats.get(1).getHighCardinalityKeyValues())
			.contains(KeyValue.of("gen_ai.response.model", "claude-haiku-4-5"));
	}

	@Test
	void mcpToolIsAnExtensionWithItsServer() {
		List<String> lines = new ArrayList<>(Transcripts.lines("tool-call.jsonl"));
		lines.set(2, edit(lines.get(2), (assistant) -> {
			ObjectNode toolUse = (ObjectNode) assistant.at("/message/content/0");
			toolUse.put("name", "mcp__probe__lookup");
			toolUse.set("input", Json.mapper().createObjectNode().put("key", "k1"));
			return assistant;
		}));
		replay(lines);

		ToolExecutionObservationContext tool = tools().get(0);
		assertThat(tool.getLowCardinalityKeyValues()).contains(KeyValue.of("gen_ai.tool.type", "extension"),
				KeyValue.of("gen_ai.tool.name", "mcp__probe__lookup"));
		assertThat(tool.getHighCardinalityKeyValues()).contains(KeyValue.of("claude_code.mcp.server", "probe"));
	}

	@Test
	void skillCallNamesItsSkill() {
		List<String> lines = new ArrayList<>(Transcripts.lines("tool-call.jsonl"));
		lines.set(2, edit(lines.get(2), (assistant) -> {
			ObjectNode toolUse = (ObjectNode) assistant.at("/message/content/0");
			toolUse.put("name", "Skill");
			toolUse.set("input", Json.mapper().createObjectNode().put("skill", "pdf").put("args", "report.pdf"));
			return assistant;
		}));
		replay(lines);

		assertThat(tools().get(0).getHighCardinalityKeyValues()).contains(KeyValue.of("claude_code.skill.name", "pdf"));
	}

	@Test
	void failedBashCommandHasItsExitCode() {
		replay(Transcripts.lines("tool-error.jsonl"));
		ToolExecutionObservationContext tool = tools().get(0);
		assertThat(tool.getHighCardinalityKeyValues()).contains(KeyValue.of("process.exit.code", "3"));
		assertThat(tool.getErrorType()).isEqualTo("tool_error");
	}

	@Test
	void successfulBashCommandHasNoExitCodeTheCliDoesNotGive() {
		replay(Transcripts.lines("tool-call.jsonl"));
		assertThat(tools().get(0).getHighCardinalityKeyValue("process.exit.code")).isNull();
		assertThat(tools().get(0).getHighCardinalityKeyValue("claude_code.skill.name")).isNull();
	}

	@Test
	void declaredSubagentSpansAreNamedAfterItsDefinition() {
		List<String> lines = Transcripts.lines("subagent-foreground.jsonl")
			.stream()
			.map((line) -> line.replace("\"subagent_type\":\"general-purpose\"", "\"subagent_type\":\"code-reviewer\""))
			.toList();
		replay(lines);

		assertThat(this.tree.render()).contains("execute_tool Agent\n    invoke_agent code-reviewer\n");
		AgentInvocationObservationContext subagent = agents().get(1);
		assertThat(subagent.getLowCardinalityKeyValue("gen_ai.agent.name").getValue()).isEqualTo("code-reviewer");
		assertThat(tools()).filteredOn((tool) -> "code-reviewer".equals(tool.getAgentName())).isNotEmpty();
	}

	private static String line(String template) {
		return template.replace("%s", SESSION);
	}

	private static String edit(String line, UnaryOperator<ObjectNode> change) {
		try {
			return change.apply((ObjectNode) Json.mapper().readTree(line)).toString();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int indexOf(List<String> lines, String fragment) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(fragment)) {
				return i;
			}
		}
		throw new IllegalArgumentException("No line with " + fragment);
	}

	private static List<ClaudeMessage> parse(List<String> lines) {
		ClaudeMessageParser parser = new ClaudeMessageParser();
		return lines.stream().map(parser::parse).toList();
	}

	private void replay(List<String> lines) {
		assertThat(Transcripts.replay(this.observations, parse(lines)).isFinished()).isTrue();
	}

	private List<AgentInvocationObservationContext> agents() {
		return this.tree.contexts(AgentInvocationObservationContext.class);
	}

	private List<ChatObservationContext> chats() {
		return this.tree.contexts(ChatObservationContext.class);
	}

	private List<ToolExecutionObservationContext> tools() {
		return this.tree.contexts(ToolExecutionObservationContext.class);
	}

}
