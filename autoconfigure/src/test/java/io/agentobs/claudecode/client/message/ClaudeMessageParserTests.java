package io.agentobs.claudecode.client.message;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentobs.claudecode.testsupport.Transcripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Parses every real CLI recording ({@link Transcripts}) and hand-made bad input.
 */
class ClaudeMessageParserTests {

	private final ClaudeMessageParser parser = new ClaudeMessageParser();

	static List<String> transcripts() {
		return Transcripts.names();
	}

	@ParameterizedTest
	@MethodSource("transcripts")
	void everyRecordedLineHasAKnownTypeAndKeepsItsRawJson(String transcript) throws IOException {
		List<String> lines = Transcripts.lines(transcript);
		assertThat(lines).isNotEmpty();
		ObjectMapper mapper = new ObjectMapper();
		for (String line : lines) {
			ClaudeMessage message = this.parser.parse(line);
			assertThat(message).isNotInstanceOf(UnknownMessage.class);
			assertThat(message.raw()).isEqualTo(mapper.readTree(line));
			assertThat(message.sessionId()).isNotBlank();
		}
		assertThat(this.parser.parse(lines.get(0))).isInstanceOfSatisfying(SystemMessage.class,
				(init) -> assertThat(init.isInit()).isTrue());
		assertThat(this.parser.parse(lines.get(lines.size() - 1))).isInstanceOf(ResultMessage.class);
	}

	@Test
	void toolCallTranscriptKeepsIdsModelsUsageAndToolBlocks() throws IOException {
		List<ClaudeMessage> messages = parse("tool-call.jsonl");
		SystemMessage init = (SystemMessage) messages.get(0);
		assertThat(init.model()).isEqualTo("claude-sonnet-4-5");
		assertThat(init.tools()).contains("Bash", "Task");

		AssistantMessage toolUse = (AssistantMessage) messages.get(2);
		assertThat(toolUse.messageId()).isEqualTo("msg_0002");
		assertThat(toolUse.model()).isEqualTo("claude-sonnet-4-5");
		assertThat(toolUse.usage()).isEqualTo(new Usage(100L, 1L, 7L, 5L));
		assertThat(toolUse.usage().totalInputTokens()).isEqualTo(112L);
		assertThat(toolUse.isSynthetic()).isFalse();
		assertThat(toolUse.parentToolUseId()).isNull();
		assertThat(toolUse.toolUses()).singleElement().satisfies((block) -> {
			assertThat(block.id()).isEqualTo("toolu_0002");
			assertThat(block.name()).isEqualTo("Bash");
			assertThat(block.input().get("command").asText()).isEqualTo("echo hello-from-tool");
		});

		UserMessage toolResult = (UserMessage) messages.get(3);
		assertThat(toolResult.toolResults()).singleElement().satisfies((block) -> {
			assertThat(block.toolUseId()).isEqualTo("toolu_0002");
			assertThat(block.isError()).isFalse();
			assertThat(block.content().asText()).isEqualTo("hello-from-tool");
		});
		assertThat(toolResult.toolUseResult().get("stdout").asText()).isEqualTo("hello-from-tool");

		ResultMessage result = (ResultMessage) messages.get(5);
		assertThat(result.subtype()).isEqualTo("success");
		assertThat(result.isError()).isFalse();
		assertThat(result.numTurns()).isEqualTo(2);
		assertThat(result.totalCostUsd()).isEqualTo(0.0012417);
		assertThat(result.usage()).isEqualTo(new Usage(200L, 40L, 14L, 10L));
		assertThat(result.modelUsage()).containsKey("claude-sonnet-4-5");
		assertThat(result.terminalReason()).isEqualTo("completed");
		assertThat(result.permissionDenials()).isEmpty();
		assertThat(result.raw().get("duration_api_ms").isIntegralNumber()).as("integers stay integers").isTrue();
	}

	@Test
	void partialMessagesGiveTypedMessageStartAndDelta() throws IOException {
		List<StreamEventMessage> events = parse("partial-messages.jsonl").stream()
			.filter(StreamEventMessage.class::isInstance)
			.map(StreamEventMessage.class::cast)
			.toList();
		StreamEventMessage start = events.stream().filter((e) -> e.messageStart().isPresent()).findFirst().get();
		assertThat(start.messageStart().get().messageId()).isEqualTo("msg_tool_0035");
		assertThat(start.messageStart().get().usage().totalInputTokens()).isEqualTo(112L);
		List<StreamEventMessage.MessageDelta> deltas = events.stream()
			.flatMap((e) -> e.messageDelta().stream())
			.toList();
		assertThat(deltas).extracting(StreamEventMessage.MessageDelta::stopReason).containsExactly("tool_use", "end_turn");
		assertThat(deltas).extracting((delta) -> delta.usage().outputTokens()).containsExactly(20L, 20L);
		assertThat(events).allSatisfy((event) -> assertThat(event.apiMessageId()).startsWith("msg_tool_"));
	}

	@Test
	void subagentLinesCarryParentToolUseIdAndAgentId() throws IOException {
		List<ClaudeMessage> messages = parse("subagent-foreground.jsonl");
		AssistantMessage nested = messages.stream()
			.filter(AssistantMessage.class::isInstance)
			.map(AssistantMessage.class::cast)
			.filter((message) -> message.parentToolUseId() != null)
			.findFirst()
			.get();
		assertThat(nested.parentToolUseId()).isEqualTo("toolu_agent_0009");
		assertThat(nested.agentId()).isEqualTo("a3613f57f2e76fb23");
		SystemMessage started = messages.stream()
			.filter(SystemMessage.class::isInstance)
			.map(SystemMessage.class::cast)
			.filter((message) -> "task_started".equals(message.subtype()))
			.findFirst()
			.get();
		assertThat(started.field("tool_use_id")).isEqualTo("toolu_agent_0009");
		assertThat(started.field("subagent_type")).isEqualTo("general-purpose");
	}

	@Test
	void systemLinesHaveTypedViewsOfTheSubtypesTheClientReads() throws IOException {
		List<SystemMessage> retries = systemMessages("api-retry.jsonl");
		assertThat(retries.get(0).init()).get().satisfies((init) -> {
			assertThat(init.model()).isNotBlank();
			assertThat(init.tools()).isNotEmpty();
		});
		assertThat(retries).flatExtracting((system) -> system.status().stream().toList())
			.allSatisfy((status) -> assertThat(status.isRequesting()).isTrue())
			.isNotEmpty();
		assertThat(retries).flatExtracting((system) -> system.apiRetry().stream().toList())
			.extracting(SystemMessage.ApiRetry::errorType, SystemMessage.ApiRetry::retryDelayMillis)
			.startsWith(tuple("500", 577L), tuple("529", 1225L));
		List<SystemMessage> tasks = systemMessages("background-subagent.jsonl");
		assertThat(tasks).flatExtracting((system) -> system.taskStarted().stream().toList())
			.singleElement()
			.satisfies((task) -> {
				assertThat(task.taskType()).isEqualTo("local_agent");
				assertThat(task.backgrounded()).isTrue();
				assertThat(task.toolUseId()).isEqualTo("toolu_background_subagent_0001_0");
				assertThat(task.subagentType()).isEqualTo("general-purpose");
			});
		assertThat(tasks).flatExtracting((system) -> system.taskUpdated().stream().toList())
			.singleElement()
			.satisfies((update) -> assertThat(update.backgrounded()).isFalse());
		assertThat(tasks).flatExtracting((system) -> system.taskNotification().stream().toList())
			.singleElement()
			.satisfies((end) -> {
				assertThat(end.status()).isEqualTo("completed");
				assertThat(end.failureStatus()).isNull();
			});
		assertThat(tasks.get(0).apiRetry()).isEmpty();
	}

	@Test
	void controlLinesBecomeControlMessages() {
		ClaudeMessage request = this.parser
			.parse("{\"type\":\"control_request\",\"request_id\":\"r1\",\"request\":{\"subtype\":\"can_use_tool\"}}");
		assertThat(request).isInstanceOfSatisfying(ControlMessage.class, (control) -> {
			assertThat(control.isRequest()).isTrue();
			assertThat(control.requestId()).isEqualTo("r1");
			assertThat(control.subtype()).isEqualTo("can_use_tool");
		});
		ClaudeMessage refusal = this.parser.parse("{\"type\":\"control_response\",\"response\":"
				+ "{\"subtype\":\"error\",\"request_id\":\"r2\",\"error\":\"no\"}}");
		assertThat(refusal).isInstanceOfSatisfying(ControlMessage.class, (control) -> {
			assertThat(control.isErrorResponse()).isTrue();
			assertThat(control.requestId()).isEqualTo("r2");
			assertThat(control.error()).isEqualTo("no");
		});
		ClaudeMessage cancel = this.parser.parse("{\"type\":\"control_cancel_request\",\"request_id\":\"r3\"}");
		assertThat(cancel).isInstanceOfSatisfying(ControlMessage.class, (control) -> {
			assertThat(control.isRequest()).isFalse();
			assertThat(control.isErrorResponse()).isFalse();
			assertThat(control.requestId()).isEqualTo("r3");
		});
	}

	@Test
	void subagentTypeIsReadFromTheInputOfASubagentLaunchOnly() {
		ObjectNode input = Json.mapper().createObjectNode().put("subagent_type", "general-purpose");
		assertThat(new ContentBlock.ToolUse("a", "Agent", input).subagentType()).isEqualTo("general-purpose");
		assertThat(new ContentBlock.ToolUse("t", "Task", input).subagentType()).isEqualTo("general-purpose");
		assertThat(new ContentBlock.ToolUse("b", "Bash", input).subagentType()).isNull();
		assertThat(new ContentBlock.ToolUse("c", "Agent", null).subagentType()).isNull();
	}

	@Test
	void apiErrorIsASyntheticMessageAndAFailedResult() throws IOException {
		List<ClaudeMessage> messages = parse("api-error-401.jsonl");
		AssistantMessage synthetic = (AssistantMessage) messages.get(1);
		assertThat(synthetic.isSynthetic()).isTrue();
		assertThat(synthetic.apiErrorStatus()).isEqualTo(401);
		assertThat(synthetic.error()).isEqualTo("authentication_failed");
		ResultMessage result = (ResultMessage) messages.get(2);
		assertThat(result.isError()).isTrue();
		assertThat(result.apiErrorStatus()).isEqualTo(401);
		assertThat(result.terminalReason()).isEqualTo("api_error");
		assertThat(result.modelUsage()).isEmpty();
	}

	@Test
	void malformedLineBecomesAnUnknownMessageHoldingTheLine() {
		ClaudeMessage message = this.parser.parse("this is not json {");
		assertThat(message).isInstanceOfSatisfying(UnknownMessage.class, (unknown) -> {
			assertThat(unknown.isMalformed()).isTrue();
			assertThat(unknown.raw().asText()).isEqualTo("this is not json {");
			assertThat(unknown.type()).isNull();
		});
		assertThat(this.parser.parse("[1,2]")).isInstanceOf(UnknownMessage.class);
		assertThat(this.parser.parse("")).isInstanceOf(UnknownMessage.class);
	}

	@Test
	void unknownTypeIsKeptWithItsData() {
		ClaudeMessage message = this.parser.parse("{\"type\":\"brand_new\",\"session_id\":\"s\",\"x\":1}");
		assertThat(message).isInstanceOfSatisfying(UnknownMessage.class, (unknown) -> {
			assertThat(unknown.isMalformed()).isFalse();
			assertThat(unknown.type()).isEqualTo("brand_new");
			assertThat(unknown.sessionId()).isEqualTo("s");
			assertThat(unknown.raw().get("x").intValue()).isEqualTo(1);
		});
	}

	@Test
	void missingFieldsReadAsNullNotZero() {
		AssistantMessage message = (AssistantMessage) this.parser.parse("{\"type\":\"assistant\"}");
		assertThat(message.messageId()).isNull();
		assertThat(message.usage()).isNull();
		assertThat(message.content()).isEmpty();
		ResultMessage result = (ResultMessage) this.parser.parse("{\"type\":\"result\",\"usage\":{\"output_tokens\":3}}");
		assertThat(result.usage().inputTokens()).isNull();
		assertThat(result.usage().totalInputTokens()).isNull();
		assertThat(result.totalCostUsd()).isNull();
		assertThat(result.numTurns()).isNull();
	}

	@Test
	void hugeLineIsParsedWhole() {
		String text = "x".repeat(5_000_000);
		AssistantMessage message = (AssistantMessage) this.parser
			.parse("{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"content\":[{\"type\":\"text\",\"text\":\"" + text
					+ "\"}]}}");
		assertThat(((ContentBlock.Text) message.content().get(0)).text()).hasSize(5_000_000);
	}

	private List<SystemMessage> systemMessages(String transcript) throws IOException {
		return parse(transcript).stream()
			.filter(SystemMessage.class::isInstance)
			.map(SystemMessage.class::cast)
			.toList();
	}

	private List<ClaudeMessage> parse(String transcript) throws IOException {
		return Transcripts.lines(transcript).stream().map(this.parser::parse).toList();
	}

}
