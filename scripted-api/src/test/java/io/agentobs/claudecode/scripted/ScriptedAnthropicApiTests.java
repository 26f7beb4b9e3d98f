package io.agentobs.claudecode.scripted;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Raw HTTP tests of {@link ScriptedAnthropicApi}.
 */
class ScriptedAnthropicApiTests {

	private static final ObjectMapper objectMapper = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void plainAnswerStreamsMessageEventsInOrder() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start()) {
			HttpResponse<String> response = post(api, "/v1/messages?beta=true", request(true, prompt("hello")));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
			List<SseEvent> events = parse(response.body());
			assertThat(events).extracting(SseEvent::name)
				.containsExactly("message_start", "content_block_start", "content_block_delta", "content_block_stop",
						"message_delta", "message_stop");
			assertThat(events).allSatisfy((event) -> assertThat(event.data().get("type").asText()).isEqualTo(event.name()));
			JsonNode message = events.get(0).data().get("message");
			RecordedCall call = api.calls().get(0);
			assertThat(message.get("id").asText()).isEqualTo(call.messageId()).isEqualTo("msg_plain_answer_0001");
			assertThat(message.get("model").asText()).isEqualTo("claude-test-model");
			assertThat(message.get("usage").toString()).isEqualTo(
					"{\"input_tokens\":100,\"output_tokens\":1,\"cache_creation_input_tokens\":5,\"cache_read_input_tokens\":7}");
			assertThat(events.get(2).data().at("/delta/type").asText()).isEqualTo("text_delta");
			assertThat(events.get(2).data().at("/delta/text").asText()).isEqualTo("Hello from the scripted API.");
			assertThat(events.get(4).data().at("/delta/stop_reason").asText()).isEqualTo("end_turn");
			assertThat(events.get(4).data().at("/usage/output_tokens").asInt()).isEqualTo(20);
			assertThat(call.scenario()).isEqualTo(Scenario.PLAIN_ANSWER);
			assertThat(call.usage()).isEqualTo(Usage.DEFAULT);
			assertThat(call.stopReason()).isEqualTo("end_turn");
		}
	}

	@Test
	void toolCallMarkerStreamsToolUseThenFinalTextAfterToolResult() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start()) {
			ObjectNode first = request(true, prompt(Scenario.TOOL_CALL.prompt("run it")));
			List<SseEvent> events = parse(post(api, "/v1/messages", first).body());
			assertThat(events).extracting(SseEvent::name)
				.containsExactly("message_start", "content_block_start", "content_block_delta", "content_block_stop",
						"content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
						"message_delta", "message_stop");
			JsonNode toolUse = events.get(4).data().get("content_block");
			assertThat(toolUse.get("type").asText()).isEqualTo("tool_use");
			assertThat(toolUse.get("name").asText()).isEqualTo("Bash");
			assertThat(toolUse.get("id").asText()).isEqualTo("toolu_tool_call_0001_0");
			String json = events.get(5).data().at("/delta/partial_json").asText()
					+ events.get(6).data().at("/delta/partial_json").asText();
			assertThat(objectMapper.readTree(json).get("command").asText()).isEqualTo("echo hello-from-tool");
			assertThat(events.get(8).data().at("/delta/stop_reason").asText()).isEqualTo("tool_use");

			ArrayNode messages = first.withArray("messages");
			messages.addObject().put("role", "assistant").putArray("content").addObject().put("type", "text").put("text", "x");
			messages.addObject().put("role", "user").putArray("content").addObject()
				.put("type", "tool_result").put("tool_use_id", toolUse.get("id").asText()).put("content", "hello-from-tool");
			List<SseEvent> second = parse(post(api, "/v1/messages", first).body());
			assertThat(second.get(2).data().at("/delta/text").asText()).isEqualTo("Done: hello-from-tool.");
			assertThat(api.calls()).extracting(RecordedCall::step, RecordedCall::stopReason, RecordedCall::messageId)
				.containsExactly(tuple(0, "tool_use", "msg_tool_call_0001"),
						tuple(1, "end_turn", "msg_tool_call_0002"));
			assertThat(api.calls().get(0).toolUseIds()).containsExactly("toolu_tool_call_0001_0");
		}
	}

	@Test
	void markerInPromptWinsOverServerScenario() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start(Scenario.HTTP_500)) {
			HttpResponse<String> response = post(api, "/v1/messages",
					request(false, prompt(Scenario.PARALLEL_TOOLS.prompt("go"))));
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode message = objectMapper.readTree(response.body());
			assertThat(message.get("content")).extracting((block) -> block.get("type").asText())
				.containsExactly("text", "tool_use", "tool_use");
			assertThat(message.get("stop_reason").asText()).isEqualTo("tool_use");
			assertThat(message.at("/usage/output_tokens").asInt()).isEqualTo(20);
			assertThat(api.calls().get(0).scenario()).isEqualTo(Scenario.PARALLEL_TOOLS);
		}
	}

	@Test
	void subagentConversationRunsBashThenAnswers() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start(Scenario.SUBAGENT)) {
			JsonNode message = objectMapper.readTree(post(api, "/v1/messages",
					request(false, prompt(ScenarioScripts.SUBAGENT_PROMPT))).body());
			assertThat(message.at("/content/0/name").asText()).isEqualTo("Bash");
			assertThat(message.at("/content/0/input/command").asText()).isEqualTo("echo hello-from-subagent");
			assertThat(message.get("id").asText()).isEqualTo("msg_subagent_sub_0001");
			assertThat(api.calls().get(0).subagent()).isTrue();
		}
	}

	@Test
	void requestWithoutToolsGetsPlainAnswerWhateverTheMarker() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start()) {
			ObjectNode request = request(false, prompt(Scenario.TOOL_CALL.prompt("name this session")));
			request.remove("tools");
			JsonNode message = objectMapper.readTree(post(api, "/v1/messages", request).body());
			assertThat(message.get("stop_reason").asText()).isEqualTo("end_turn");
			assertThat(message.at("/content/0/text").asText()).isEqualTo("Hello from the scripted API.");
		}
	}

	@Test
	void errorScenarioAnswersAnthropicErrorBody() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start(Scenario.HTTP_529)) {
			HttpResponse<String> response = post(api, "/v1/messages", request(true, prompt("hello")));
			assertThat(response.statusCode()).isEqualTo(529);
			assertThat(objectMapper.readTree(response.body())).isEqualTo(objectMapper
				.readTree("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
			assertThat(response.headers().firstValue("x-should-retry")).hasValue("true");
			RecordedCall call = api.calls().get(0);
			assertThat(call.isError()).isTrue();
			assertThat(call.status()).isEqualTo(529);
			assertThat(call.messageId()).isNull();
		}
	}

	@Test
	void authenticationErrorTellsTheClientNotToRetry() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start(Scenario.HTTP_401)) {
			HttpResponse<String> response = post(api, "/v1/messages", request(true, prompt("hello")));
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("x-should-retry")).hasValue("false");
			assertThat(objectMapper.readTree(response.body()).at("/error/type").asText())
				.isEqualTo("authentication_error");
		}
	}

	@Test
	void unknownPathAnswers404Json() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start()) {
			HttpResponse<String> response = post(api, "/v1/complete", request(true, prompt("hello")));
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(objectMapper.readTree(response.body()).at("/error/type").asText()).isEqualTo("not_found_error");
			assertThat(api.calls()).isEmpty();
		}
	}

	@Test
	void countTokensAnswersInputTokensWithoutRecordingACall() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.builder().usage(new Usage(42, 0, 0, 3)).start()) {
			HttpResponse<String> response = post(api, "/v1/messages/count_tokens?beta=true", prompt("hello"));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(objectMapper.readTree(response.body()).get("input_tokens").asInt()).isEqualTo(42);
			assertThat(api.calls()).isEmpty();
		}
	}

	@Test
	void usageIsConfigurablePerCall() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.builder()
			.usage((number) -> new Usage(10 * number, number, 2 * number, 100 + number))
			.start()) {
			post(api, "/v1/messages", request(true, prompt("one")));
			List<SseEvent> events = parse(post(api, "/v1/messages", request(true, prompt("two"))).body());
			assertThat(events.get(0).data().at("/message/usage/input_tokens").asInt()).isEqualTo(20);
			assertThat(events.get(0).data().at("/message/usage/cache_read_input_tokens").asInt()).isEqualTo(2);
			assertThat(events.get(0).data().at("/message/usage/cache_creation_input_tokens").asInt()).isEqualTo(4);
			assertThat(events.get(4).data().at("/usage/output_tokens").asInt()).isEqualTo(102);
			assertThat(api.calls()).extracting(RecordedCall::usage)
				.containsExactly(new Usage(10, 1, 2, 101), new Usage(20, 2, 4, 102));
		}
	}

	@Test
	void slowScenarioPausesBetweenEventsWithoutBlockingOtherRequests() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.builder()
			.scenario(Scenario.SLOW)
			.slowEventDelay(Duration.ofMillis(200))
			.start()) {
			long start = System.nanoTime();
			CompletableFuture<HttpResponse<String>> slow = this.client.sendAsync(
					httpRequest(api, "/v1/messages", request(true, prompt("slow"))), HttpResponse.BodyHandlers.ofString());
			Thread.sleep(100);
			HttpResponse<String> fast = post(api, "/v1/messages",
					request(true, prompt(Scenario.PLAIN_ANSWER.prompt("fast"))));
			assertThat(fast.statusCode()).isEqualTo(200);
			assertThat(slow).isNotDone();
			assertThat(parse(slow.get().body())).hasSize(6);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
		}
	}

	@Test
	void streamErrorScenarioCutsTheStreamWithAnErrorEventAndAnswersTheRetryWithoutStreaming() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start(Scenario.STREAM_ERROR)) {
			List<SseEvent> events = parse(post(api, "/v1/messages", request(true, prompt("go"))).body());
			assertThat(events).extracting(SseEvent::name)
				.containsExactly("message_start", "content_block_start", "content_block_delta", "error");
			assertThat(events.get(3).data().at("/error/type").asText()).isEqualTo("overloaded_error");
			JsonNode retry = objectMapper.readTree(post(api, "/v1/messages", request(false, prompt("go"))).body());
			assertThat(retry.get("stop_reason").asText()).isEqualTo("end_turn");
			assertThat(retry.at("/usage/output_tokens").asInt()).isEqualTo(20);
		}
	}

	@Test
	void streamCutScenarioEndsTheFirstAttemptsStreamWithoutAnErrorOrStopAndStreamsTheRetry() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start(Scenario.STREAM_CUT)) {
			List<SseEvent> cut = parse(post(api, "/v1/messages", request(true, prompt("go"))).body());
			assertThat(cut).extracting(SseEvent::name)
				.containsExactly("message_start", "content_block_start", "content_block_delta");
			List<SseEvent> retry = parse(post(api, "/v1/messages", request(true, prompt("go"))).body());
			assertThat(retry).extracting(SseEvent::name).contains("message_delta").endsWith("message_stop");
		}
	}

	@Test
	void retriedErrorsScenarioAnswers500Then529ThenTheMessage() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start(Scenario.RETRIED_ERRORS)) {
			assertThat(post(api, "/v1/messages", request(true, prompt("go"))).statusCode()).isEqualTo(500);
			assertThat(post(api, "/v1/messages", request(true, prompt("go"))).statusCode()).isEqualTo(529);
			HttpResponse<String> answer = post(api, "/v1/messages", request(true, prompt("go")));
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(api.calls()).extracting(RecordedCall::status).containsExactly(500, 529, 200);
		}
	}

	@Test
	void firstEventDelayScenarioWaitsBeforeTheFirstEventOfEachCall() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.builder()
			.scenario(Scenario.FIRST_EVENT_DELAY)
			.firstEventDelay(Duration.ofMillis(400))
			.start()) {
			long start = System.nanoTime();
			List<SseEvent> events = parse(post(api, "/v1/messages", request(true, prompt("go"))).body());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
			assertThat(events.get(events.size() - 2).data().at("/delta/stop_reason").asText()).isEqualTo("tool_use");
		}
	}

	@Test
	void taskNotificationIsNotAPromptSoTheBackgroundScenarioEndsWithAFinalText() throws Exception {
		try (ScriptedAnthropicApi api = ScriptedAnthropicApi.start(Scenario.BACKGROUND_SUBAGENT)) {
			ObjectNode request = request(true, prompt("go"));
			List<SseEvent> first = parse(post(api, "/v1/messages", request).body());
			String input = first.get(5).data().at("/delta/partial_json").asText()
					+ first.get(6).data().at("/delta/partial_json").asText();
			assertThat(objectMapper.readTree(input).get("run_in_background").asBoolean()).isTrue();
			ArrayNode messages = request.withArray("messages");
			messages.addObject().put("role", "assistant").putArray("content").addObject().put("type", "text").put("text", "x");
			messages.addObject().put("role", "user").putArray("content").addObject()
				.put("type", "tool_result").put("tool_use_id", "toolu_1").put("content", "launched");
			messages.addObject().put("role", "assistant").putArray("content").addObject().put("type", "text").put("text", "y");
			messages.addObject().put("role", "user").putArray("content").addObject()
				.put("type", "text").put("text", "<task-notification>done</task-notification>");
			List<SseEvent> followUp = parse(post(api, "/v1/messages", request).body());
			assertThat(followUp.get(followUp.size() - 2).data().at("/delta/stop_reason").asText()).isEqualTo("end_turn");
		}
	}

	private HttpResponse<String> post(ScriptedAnthropicApi api, String path, JsonNode body)
			throws IOException, InterruptedException {
		return this.client.send(httpRequest(api, path, body), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest httpRequest(ScriptedAnthropicApi api, String path, JsonNode body) {
		return HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
	}

	private static ObjectNode request(boolean stream, ObjectNode prompt) {
		prompt.put("model", "claude-test-model").put("max_tokens", 1024).put("stream", stream);
		prompt.putArray("tools").addObject().put("name", "Bash");
		return prompt;
	}

	private static ObjectNode prompt(String text) {
		ObjectNode request = objectMapper.createObjectNode();
		ArrayNode content = request.putArray("messages").addObject().put("role", "user").putArray("content");
		content.addObject().put("type", "text").put("text", "<system-reminder>context</system-reminder>");
		content.addObject().put("type", "text").put("text", text);
		return request;
	}

	private static List<SseEvent> parse(String body) throws IOException {
		List<SseEvent> events = new ArrayList<>();
		for (String chunk : body.split("\n\n")) {
			String[] lines = chunk.split("\n");
			assertThat(lines).hasSize(2);
			assertThat(lines[0]).startsWith("event: ");
			assertThat(lines[1]).startsWith("data: ");
			events.add(new SseEvent(lines[0].substring(7), objectMapper.readTree(lines[1].substring(6))));
		}
		return events;
	}

}
