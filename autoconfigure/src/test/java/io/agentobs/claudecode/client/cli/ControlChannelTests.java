package io.agentobs.claudecode.client.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.ClaudeCodeControlException;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.control.ClaudeControlListener;
import io.agentobs.claudecode.client.control.ClaudeHook;
import io.agentobs.claudecode.client.control.HookEvent;
import io.agentobs.claudecode.client.control.HookInput;
import io.agentobs.claudecode.client.control.HookOutput;
import io.agentobs.claudecode.client.control.PermissionDecision;
import io.agentobs.claudecode.client.control.PermissionRequest;
import io.agentobs.claudecode.client.control.SdkMcpCallContext;
import io.agentobs.claudecode.client.control.SdkMcpServer;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.testsupport.FakeCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The control-protocol engine ({@link ControlChannel}) against fake CLI scripts that send
 * control requests and log every line the client writes.
 */
@Timeout(60)
class ControlChannelTests {

	@TempDir
	Path directory;

	private Path log;

	/** Answers the line just read (an outgoing request) with a success carrying {@code body}. */
	private static String answerLastRead(String body) {
		return "id=$(echo \"$line\" | sed 's/.*\"request_id\":\"\\([^\"]*\\)\".*/\\1/')\n"
				+ "echo '{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\",\"request_id\":\"'$id'\",\"response\":"
				+ body + "}}'\n";
	}

	private String readAndLog() {
		return "read -r line; echo \"$line\" >> " + this.log + "\n";
	}

	private Path script(String body) throws Exception {
		this.log = this.directory.resolve("stdin.log");
		Files.createFile(this.log);
		return FakeCli.script(this.directory, body.replace("READ", "read -r line; echo \"$line\" >> " + this.log));
	}

	private List<JsonNode> loggedLines() throws Exception {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : Files.readAllLines(this.log)) {
			lines.add(Json.mapper().readTree(line));
		}
		return lines;
	}

	private JsonNode answerTo(String requestId) throws Exception {
		return loggedLines().stream()
			.filter((line) -> requestId.equals(line.path("response").path("request_id").asText()))
			.findFirst()
			.orElse(null);
	}

	private ClaudeCodeOptions.Builder options(Path script) {
		return ClaudeCodeOptions.builder().cliPath(script);
	}

	private static String request(String id, String body) {
		return FakeCli.print("{\"type\":\"control_request\",\"request_id\":\"" + id + "\",\"request\":" + body + "}");
	}

	@Test
	void initializeRegistersHooksAndServersThenTheirRequestsAreAnswered() throws Exception {
		Path script = script("READ\n" + answerLastRead("{\"commands\":[],\"models\":[]}") + "READ\n"
				+ request("hook-1", "{\"subtype\":\"hook_callback\",\"callback_id\":\"hook_0\",\"tool_use_id\":\"toolu_1\","
						+ "\"input\":{\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"rm -rf /\"}}}")
				+ "READ\n"
				+ request("mcp-1", "{\"subtype\":\"mcp_message\",\"server_name\":\"app\",\"message\":{\"jsonrpc\":\"2.0\",\"id\":3,"
						+ "\"method\":\"tools/call\",\"params\":{\"name\":\"lookup\",\"_meta\":{\"claudecode/toolUseId\":\"toolu_2\"}}}}")
				+ "READ\n" + request("mcp-2", "{\"subtype\":\"mcp_message\",\"server_name\":\"other\",\"message\":{}}")
				+ "READ\n" + request("odd-1", "{\"subtype\":\"elicitation\"}") + "READ\n"
				+ FakeCli.print(FakeCli.INIT) + FakeCli.print(FakeCli.RESULT) + "cat > /dev/null\n");
		List<HookInput> hookInputs = new CopyOnWriteArrayList<>();
		List<SdkMcpCallContext> contexts = new CopyOnWriteArrayList<>();
		ClaudeHook hook = new ClaudeHook() {

			@Override
			public HookEvent event() {
				return HookEvent.PRE_TOOL_USE;
			}

			@Override
			public String matcher() {
				return "Bash";
			}

			@Override
			public Duration timeout() {
				return Duration.ofSeconds(7);
			}

			@Override
			public HookOutput handle(HookInput input) {
				hookInputs.add(input);
				return HookOutput.block("no deletions");
			}

		};
		SdkMcpServer server = new SdkMcpServer() {

			@Override
			public String name() {
				return "app";
			}

			@Override
			public JsonNode handle(JsonNode message, SdkMcpCallContext context) {
				contexts.add(context);
				return Json.mapper().createObjectNode().put("jsonrpc", "2.0").put("id", message.get("id").asInt());
			}

		};
		ClaudeCodeOptions options = options(script).hooks(List.of(hook)).sdkMcpServers(List.of(server)).build();
		try (ClaudeCodeSession session = CliClaudeCodeClient.builder().defaultOptions(options).build().openSession()) {
			assertThat(session.initializeResponse().has("commands")).isTrue();
			session.send("hello").awaitResult();
			List<JsonNode> lines = loggedLines();
			JsonNode initialize = lines.get(0).path("request");
			assertThat(initialize.path("subtype").asText()).isEqualTo("initialize");
			assertThat(initialize.path("hooks").toString()).isEqualTo(
					"{\"PreToolUse\":[{\"matcher\":\"Bash\",\"hookCallbackIds\":[\"hook_0\"],\"timeout\":7}]}");
			assertThat(initialize.path("sdkMcpServers").toString()).isEqualTo("[\"app\"]");
			assertThat(lines.get(1).path("type").asText()).as("the prompt after initialize").isEqualTo("user");
			assertThat(answerTo("hook-1").path("response").path("response").toString()).isEqualTo(
					"{\"hookSpecificOutput\":{\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"no deletions\","
							+ "\"hookEventName\":\"PreToolUse\"}}");
			assertThat(hookInputs).singleElement().satisfies((input) -> {
				assertThat(input.toolName()).isEqualTo("Bash");
				assertThat(input.toolUseId()).isEqualTo("toolu_1");
				assertThat(input.toolInput().path("command").asText()).isEqualTo("rm -rf /");
			});
			assertThat(answerTo("mcp-1").path("response").path("response").toString())
				.isEqualTo("{\"mcp_response\":{\"jsonrpc\":\"2.0\",\"id\":3}}");
			assertThat(contexts).containsExactly(new SdkMcpCallContext(null, "toolu_2"));
			assertThat(answerTo("mcp-2").path("response").path("error").asText())
				.isEqualTo("SDK MCP server not found: other");
			assertThat(answerTo("odd-1").path("response").path("error").asText())
				.isEqualTo("Unsupported control request subtype: elicitation");
		}
	}

	@Test
	void permissionDecisionsReachTheCliAndTheListener() throws Exception {
		String ask = "{\"subtype\":\"can_use_tool\",\"tool_name\":\"Bash\",\"tool_use_id\":\"toolu_%s\",\"input\":{\"command\":\"%s\"}}";
		Path script = script("READ\n" + request("p-1", ask.formatted("1", "ls")) + "READ\n"
				+ request("p-2", ask.formatted("2", "rm")) + "READ\n" + request("p-3", ask.formatted("3", "boom"))
				+ "READ\n" + request("p-4", ask.formatted("4", "stop")) + "READ\n" + FakeCli.print(FakeCli.INIT)
				+ FakeCli.print(FakeCli.RESULT) + "cat > /dev/null\n");
		List<String> decisions = new CopyOnWriteArrayList<>();
		ClaudeControlListener listener = new ClaudeControlListener() {

			@Override
			public void permissionDecided(PermissionRequest request, PermissionDecision decision, long waitedNanos) {
				decisions.add(request.toolUseId() + " " + decision.outcome() + " " + decision.getSource().value());
			}

		};
		ClaudeCodeOptions options = options(script).controlListener(listener).permissionHandler((request) -> {
			String command = request.input().path("command").asText();
			return switch (command) {
				case "ls" -> PermissionDecision.allow(Json.mapper().createObjectNode().put("command", "ls -la"));
				case "rm" -> PermissionDecision.deny("Bash is not allowed here");
				case "boom" -> throw new IllegalStateException("handler bug");
				default -> PermissionDecision.denyAndInterrupt("stop now");
			};
		}).build();
		try (ClaudeCodeRun run = CliClaudeCodeClient.builder().defaultOptions(options).build().query("hello")) {
			run.awaitResult();
		}
		assertThat(ClaudeCliCommand.of(Path.of("claude"), options, null)).contains("--permission-prompt-tool=stdio");
		assertThat(answerTo("p-1").path("response").path("response").toString())
			.isEqualTo("{\"behavior\":\"allow\",\"updatedInput\":{\"command\":\"ls -la\"},\"toolUseID\":\"toolu_1\"}");
		assertThat(answerTo("p-2").path("response").path("response").toString())
			.isEqualTo("{\"behavior\":\"deny\",\"message\":\"Bash is not allowed here\",\"toolUseID\":\"toolu_2\"}");
		assertThat(answerTo("p-3").path("response").path("response").toString()).isEqualTo(
				"{\"behavior\":\"deny\",\"message\":\"The application's permission handler failed on Bash; the call was denied\","
						+ "\"toolUseID\":\"toolu_3\"}");
		assertThat(answerTo("p-4").path("response").path("response").path("interrupt").asBoolean()).isTrue();
		// Each decision is recorded on its own worker, so the next request may overtake one
		assertThat(decisions).containsExactlyInAnyOrder("toolu_1 allow_modified handler", "toolu_2 deny handler",
				"toolu_3 deny handler", "toolu_4 deny_interrupt handler");
	}

	@Test
	void aSlowHandlerNeitherDelaysMessagesNorOtherRequestsAndACancelWithdrawsIt() throws Exception {
		String ask = "{\"subtype\":\"can_use_tool\",\"tool_name\":\"%s\",\"tool_use_id\":\"toolu_%s\",\"input\":{}}";
		Path script = script("READ\n" + request("slow", ask.formatted("Slow", "1"))
				+ request("fast", ask.formatted("Fast", "2")) + "READ\n" + FakeCli.print(FakeCli.INIT)
				+ FakeCli.print(FakeCli.ASSISTANT) + FakeCli.print(FakeCli.RESULT)
				+ request("cancelled", ask.formatted("Slow", "3")) + "sleep 1\n"
				+ FakeCli.print("{\"type\":\"control_cancel_request\",\"request_id\":\"cancelled\"}")
				+ FakeCli.print("{\"type\":\"control_cancel_request\",\"request_id\":\"unknown\"}")
				+ FakeCli.print("{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\",\"request_id\":\"unknown\"}}")
				+ "READ\ncat > /dev/null\n");
		CountDownLatch release = new CountDownLatch(1);
		List<String> interrupted = new CopyOnWriteArrayList<>();
		ClaudeCodeOptions options = options(script).permissionHandler((request) -> {
			if (request.toolName().equals("Slow")) {
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					interrupted.add(request.toolUseId());
				}
			}
			return PermissionDecision.allow();
		}).build();
		try (ClaudeCodeSession session = CliClaudeCodeClient.builder().defaultOptions(options).build().openSession()) {
			List<String> types = new ArrayList<>();
			try (ClaudeCodeRun run = session.send("hello")) {
				for (ClaudeMessage message : run) {
					types.add(message.type());
				}
			}
			assertThat(types).as("delivered while a handler blocks").containsExactly("system", "assistant", "result");
			assertThat(answerTo("fast")).as("answered while another handler blocks").isNotNull();
			assertThat(answerTo("slow")).isNull();
			await().atMost(Duration.ofSeconds(10)).until(() -> interrupted.contains("toolu_3"));
			release.countDown();
			await().atMost(Duration.ofSeconds(10)).until(() -> answerTo("slow") != null);
			assertThat(answerTo("cancelled")).as("a withdrawn request is not answered").isNull();
		}
	}

	@Test
	void aHandlerThatTimesOutDenies() throws Exception {
		Path script = script("READ\n" + request("p-1",
				"{\"subtype\":\"can_use_tool\",\"tool_name\":\"Bash\",\"tool_use_id\":\"toolu_1\",\"input\":{}}")
				+ "READ\n" + FakeCli.print(FakeCli.INIT) + FakeCli.print(FakeCli.RESULT) + "cat > /dev/null\n");
		ClaudeCodeOptions options = options(script).permissionTimeout(Duration.ofMillis(300)).permissionHandler((request) -> {
			try {
				Thread.sleep(30_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return PermissionDecision.allow();
		}).build();
		CliClaudeCodeClient.builder().defaultOptions(options).build().query("hello").awaitResult();
		assertThat(answerTo("p-1").path("response").path("response").path("message").asText())
			.isEqualTo("The application did not decide on Bash within PT0.3S; the call was denied");
	}

	@Test
	void sessionControlRequestsAreCorrelatedAndRefusalsRaised() throws Exception {
		Path script = script("READ\n" + FakeCli.print(FakeCli.INIT) + FakeCli.print(FakeCli.RESULT) + "READ\n"
				+ answerLastRead("{}") + "READ\n" + answerLastRead("{\"mcpServers\":[{\"name\":\"app\",\"status\":\"connected\"}]}")
				+ "READ\n"
				+ "id=$(echo \"$line\" | sed 's/.*\"request_id\":\"\\([^\"]*\\)\".*/\\1/')\n"
				+ "echo '{\"type\":\"control_response\",\"response\":{\"subtype\":\"error\",\"request_id\":\"'$id'\",\"error\":\"No such task\"}}'\n"
				+ "READ\ncat > /dev/null\n");
		ClaudeCodeOptions options = options(script).controlRequestTimeout(Duration.ofMillis(500)).build();
		try (ClaudeCodeSession session = CliClaudeCodeClient.builder().defaultOptions(options).build().openSession()) {
			assertThat(session.initializeResponse()).as("no initialize without hooks or servers").isNull();
			session.send("hello").awaitResult();
			session.setModel("claude-opus-4-1");
			assertThat(session.mcpServerStatus().toString()).isEqualTo("[{\"name\":\"app\",\"status\":\"connected\"}]");
			assertThatExceptionOfType(ClaudeCodeControlException.class).isThrownBy(() -> session.stopTask("task-9"))
				.withMessage("The Claude Code CLI refused control request 'stop_task': No such task");
			assertThatExceptionOfType(ClaudeCodeControlException.class).isThrownBy(session::contextUsage)
				.withMessage("The Claude Code CLI did not answer control request 'get_context_usage' within PT0.5S");
			List<JsonNode> lines = loggedLines();
			assertThat(lines.get(1).path("request").toString()).isEqualTo("{\"subtype\":\"set_model\",\"model\":\"claude-opus-4-1\"}");
			assertThat(lines.get(3).path("request").toString()).isEqualTo("{\"subtype\":\"stop_task\",\"task_id\":\"task-9\"}");
		}
	}

	@Test
	void aCliThatDiesMidRequestFailsTheRequestAndEndsTheWorkers() throws Exception {
		Path script = script("READ\n" + FakeCli.print(FakeCli.INIT) + FakeCli.print(FakeCli.RESULT) + "READ\nexit 3\n");
		try (ClaudeCodeSession session = CliClaudeCodeClient.builder().defaultOptions(options(script).build()).build()
			.openSession()) {
			session.send("hello").awaitResult();
			assertThatExceptionOfType(ClaudeCodeControlException.class).isThrownBy(session::contextUsage)
				.withMessage("The Claude Code CLI ended before it answered control request 'get_context_usage'");
		}
		await().atMost(Duration.ofSeconds(5))
			.until(() -> Thread.getAllStackTraces().keySet().stream()
				.noneMatch((thread) -> thread.getName().startsWith("claude-code-control-")));
	}

}
