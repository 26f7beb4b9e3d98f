package io.agentobs.claudecode.scripted;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Runs the real Claude Code CLI against {@link ScriptedAnthropicApi}, once per scenario.
 */
class ScriptedAnthropicApiIT {

	private static final Map<String, String> NO_RETRIES = Map.of("CLAUDE_CODE_MAX_RETRIES", "0");

	private final ScriptedAnthropicApi api = ScriptedAnthropicApi.builder()
		.usage((number) -> new Usage(100 + number, 7, 5, 20 + number))
		.slowEventDelay(Duration.ofMillis(300))
		.start();

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	@Test
	void plainAnswerEndsTheTurn() throws Exception {
		this.api.scenario(Scenario.PLAIN_ANSWER);
		ClaudeCliRun run = ClaudeCliRun.run(this.api, "Say hello", Map.of());
		assertSucceeded(run);
		assertThat(run.result().get("result").asText()).isEqualTo("Hello from the scripted API.");
		assertThat(run.result().at("/usage/output_tokens").asInt()).isEqualTo(21);
		assertStreamMatchesRecordedCalls(run);
	}

	@Test
	void toolCallRunsBashAndFeedsItsOutputBack() throws Exception {
		ClaudeCliRun run = ClaudeCliRun.run(this.api, Scenario.TOOL_CALL.prompt("Run a command"), Map.of());
		assertSucceeded(run);
		List<JsonNode> results = run.toolResults();
		assertThat(results).hasSize(1);
		assertThat(results.get(0).get("content").asText()).isEqualTo("hello-from-tool");
		assertThat(results.get(0).get("is_error").asBoolean()).isFalse();
		assertThat(results.get(0).get("tool_use_id").asText()).isEqualTo(this.api.calls().get(0).toolUseIds().get(0));
		assertThat(this.api.calls()).extracting(RecordedCall::scenario, RecordedCall::stopReason)
			.containsExactly(tuple(Scenario.TOOL_CALL, "tool_use"),
					tuple(Scenario.TOOL_CALL, "end_turn"));
		assertThat(run.result().get("num_turns").asInt()).isEqualTo(2);
		assertStreamMatchesRecordedCalls(run);
	}

	@Test
	void parallelToolsRunBothCommands() throws Exception {
		ClaudeCliRun run = ClaudeCliRun.run(this.api, Scenario.PARALLEL_TOOLS.prompt("Run two commands"), Map.of());
		assertSucceeded(run);
		assertThat(run.toolResults()).extracting((result) -> result.get("content").asText())
			.containsExactlyInAnyOrder("hello-from-tool-1", "hello-from-tool-2");
		assertThat(run.toolResults()).extracting((result) -> result.get("tool_use_id").asText())
			.containsExactlyInAnyOrderElementsOf(this.api.calls().get(0).toolUseIds());
		assertStreamMatchesRecordedCalls(run);
	}

	@Test
	void sequentialToolsRunOneCommandPerTurn() throws Exception {
		ClaudeCliRun run = ClaudeCliRun.run(this.api, Scenario.SEQUENTIAL_TOOLS.prompt("Run two commands in turn"),
				Map.of());
		assertSucceeded(run);
		assertThat(run.toolResults()).extracting((result) -> result.get("content").asText())
			.containsExactly("one", "two");
		assertThat(run.toolResults()).extracting((result) -> result.get("tool_use_id").asText())
			.containsExactly(this.api.calls().get(0).toolUseIds().get(0), this.api.calls().get(1).toolUseIds().get(0));
		assertThat(this.api.calls()).extracting(RecordedCall::scenario, RecordedCall::stopReason)
			.containsExactly(tuple(Scenario.SEQUENTIAL_TOOLS, "tool_use"), tuple(Scenario.SEQUENTIAL_TOOLS, "tool_use"),
					tuple(Scenario.SEQUENTIAL_TOOLS, "end_turn"));
		assertThat(run.result().get("num_turns").asInt()).isEqualTo(3);
		assertThat(run.result().get("result").asText()).isEqualTo("Done: hello-from-tool.");
		assertStreamMatchesRecordedCalls(run);
	}

	@Test
	void failingToolReportsAnErrorResultAndTheRunStillSucceeds() throws Exception {
		ClaudeCliRun run = ClaudeCliRun.run(this.api, Scenario.FAILING_TOOL.prompt("Run a failing command"), Map.of());
		assertSucceeded(run);
		JsonNode result = run.toolResults().get(0);
		assertThat(result.get("is_error").asBoolean()).isTrue();
		assertThat(result.get("content").asText()).contains("Exit code 3").contains("to-stderr");
		assertStreamMatchesRecordedCalls(run);
	}

	@Test
	void subagentRunsBashInItsOwnConversation() throws Exception {
		ClaudeCliRun run = ClaudeCliRun.run(this.api, Scenario.SUBAGENT.prompt("Delegate"), Map.of());
		assertSucceeded(run);
		String agentToolUseId = this.api.calls().get(0).toolUseIds().get(0);
		assertThat(run.system("task_started")).singleElement()
			.satisfies((started) -> assertThat(started.get("tool_use_id").asText()).isEqualTo(agentToolUseId));
		JsonNode subagentResult = run.toolResults().stream()
			.filter((result) -> agentToolUseId.equals(result.path("parent_tool_use_id").asText()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No nested tool result in\n" + run));
		assertThat(subagentResult.get("content").asText()).isEqualTo("hello-from-subagent");
		assertThat(this.api.calls()).extracting(RecordedCall::subagent).containsExactly(false, true, true, false);
		assertThat(this.api.calls()).extracting(RecordedCall::scenario).containsOnly(Scenario.SUBAGENT);
		assertThat(run.result().at("/modelUsage/claude-sonnet-4-5/outputTokens").asInt())
			.isEqualTo(this.api.calls().stream().mapToInt((call) -> call.usage().outputTokens()).sum());
		assertStreamMatchesRecordedCalls(run);
	}

	@Test
	void toolAndSubagentRunsBashThenDelegates() throws Exception {
		this.api.scenario(Scenario.TOOL_AND_SUBAGENT);
		ClaudeCliRun run = ClaudeCliRun.run(this.api, "Run a command, then delegate", Map.of());
		assertSucceeded(run);
		assertThat(run.toolResults()).extracting((result) -> result.get("content").isTextual()
				? result.get("content").asText() : "agent-hand-back")
			.containsExactly("hello-from-tool", "hello-from-subagent", "agent-hand-back");
		assertThat(this.api.calls()).extracting(RecordedCall::subagent).containsExactly(false, false, true, true, false);
		assertStreamMatchesRecordedCalls(run);
	}

	@Test
	void maxTurnsEndsWithErrorMaxTurns() throws Exception {
		ClaudeCliRun run = ClaudeCliRun.run(this.api, Scenario.MAX_TURNS.prompt("Keep going"), Map.of(), "--max-turns",
				"2");
		assertThat(run.exitCode()).as(run::toString).isEqualTo(1);
		assertThat(run.result().get("subtype").asText()).isEqualTo("error_max_turns");
		assertThat(run.result().get("is_error").asBoolean()).isTrue();
		assertThat(this.api.calls()).hasSize(2).allSatisfy((call) -> assertThat(call.stopReason()).isEqualTo("tool_use"));
		assertStreamMatchesRecordedCalls(run);
	}

	@Test
	void http500IsAnApiErrorResult() throws Exception {
		assertApiError(Scenario.HTTP_500, 500, NO_RETRIES);
	}

	@Test
	void http529IsAnApiErrorResult() throws Exception {
		assertApiError(Scenario.HTTP_529, 529, NO_RETRIES);
	}

	@Test
	void http401IsAnApiErrorResultWithoutRetries() throws Exception {
		assertApiError(Scenario.HTTP_401, 401, Map.of());
	}

	@Test
	void slowAnswerArrivesAfterTheDelays() throws Exception {
		ClaudeCliRun run = ClaudeCliRun.run(this.api, Scenario.SLOW.prompt("Take your time"), Map.of());
		assertSucceeded(run);
		assertThat(run.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(5 * 300));
		assertThat(run.result().get("duration_api_ms").asLong()).isGreaterThanOrEqualTo(5 * 300);
		assertStreamMatchesRecordedCalls(run);
	}

	private void assertApiError(Scenario scenario, int status, Map<String, String> environment) throws Exception {
		ClaudeCliRun run = ClaudeCliRun.run(this.api, scenario.prompt("Fail"), environment);
		assertThat(run.exitCode()).as(run::toString).isEqualTo(1);
		JsonNode result = run.result();
		assertThat(result.get("is_error").asBoolean()).as(run::toString).isTrue();
		assertThat(result.get("api_error_status").asInt()).isEqualTo(status);
		assertThat(result.get("terminal_reason").asText()).isEqualTo("api_error");
		assertThat(run.ofType("assistant")).singleElement()
			.satisfies((line) -> assertThat(line.at("/message/model").asText()).isEqualTo("<synthetic>"));
		assertThat(this.api.calls()).singleElement().satisfies((call) -> {
			assertThat(call.status()).isEqualTo(status);
			assertThat(call.scenario()).isEqualTo(scenario);
		});
	}

	private static void assertSucceeded(ClaudeCliRun run) {
		assertThat(run.exitCode()).as(run::toString).isZero();
		assertThat(run.result().get("subtype").asText()).as(run::toString).isEqualTo("success");
		assertThat(run.result().get("is_error").asBoolean()).isFalse();
	}

	/**
	 * Every streamed message of the main conversation reports the usage the server recorded for
	 * its id: input numbers in {@code message_start}, output tokens in {@code message_delta}.
	 */
	private void assertStreamMatchesRecordedCalls(ClaudeCliRun run) {
		Map<String, RecordedCall> calls = new LinkedHashMap<>();
		this.api.calls().forEach((call) -> calls.put(call.messageId(), call));
		Map<String, Integer> streamedOutputTokens = new LinkedHashMap<>();
		for (JsonNode line : run.ofType("stream_event")) {
			JsonNode event = line.get("event");
			String id = line.get("api_message_id").asText();
			RecordedCall call = calls.get(id);
			assertThat(call).as("recorded call for %s", id).isNotNull();
			if ("message_start".equals(event.get("type").asText())) {
				JsonNode usage = event.at("/message/usage");
				assertThat(usage.get("input_tokens").asInt()).isEqualTo(call.usage().inputTokens());
				assertThat(usage.get("cache_read_input_tokens").asInt()).isEqualTo(call.usage().cacheReadInputTokens());
				assertThat(usage.get("cache_creation_input_tokens").asInt())
					.isEqualTo(call.usage().cacheCreationInputTokens());
			}
			else if ("message_delta".equals(event.get("type").asText())) {
				assertThat(event.at("/delta/stop_reason").asText()).isEqualTo(call.stopReason());
				streamedOutputTokens.put(id, event.at("/usage/output_tokens").asInt());
			}
		}
		Map<String, Integer> recordedOutputTokens = new LinkedHashMap<>();
		this.api.calls().stream()
			.filter((call) -> !call.subagent())
			.forEach((call) -> recordedOutputTokens.put(call.messageId(), call.usage().outputTokens()));
		assertThat(streamedOutputTokens).containsAllEntriesOf(recordedOutputTokens);
	}

}
