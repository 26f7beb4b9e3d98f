package io.agentobs.claudecode.instrument.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.control.ClaudeHook;
import io.agentobs.claudecode.client.control.HookEvent;
import io.agentobs.claudecode.client.control.HookInput;
import io.agentobs.claudecode.client.control.HookOutput;
import io.agentobs.claudecode.client.control.PermissionDecision;
import io.agentobs.claudecode.client.control.SdkMcpCallContext;
import io.agentobs.claudecode.client.control.SdkMcpServer;
import io.agentobs.claudecode.client.message.AssistantMessage;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ContentBlock;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import io.agentobs.claudecode.testsupport.TracedRuns;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: the control protocol with the real Claude Code CLI against the scripted
 * Anthropic API: permission decisions, hooks and session control, observed as OpenTelemetry
 * spans. What the model received is read from the requests the scripted API recorded.
 */
class ControlProtocolIT {

	@RegisterExtension
	static final ScriptedCli cli = ScriptedCli.create();

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	@RegisterExtension
	final TracedRuns traced = TracedRuns.create();

	@Test
	void aPermissionHandlerDeniesOneBashCallAndChangesTheInputOfTheNextWhileMessagesFlow() {
		AtomicLong handlerReturnedNanos = new AtomicLong();
		ClaudeCodeOptions options = ClaudeCodeOptions.builder().permissionHandler((request) -> {
			String command = request.input().path("command").asText();
			if (command.equals("touch permission-one.txt")) {
				sleep(Duration.ofSeconds(5));
				handlerReturnedNanos.compareAndSet(0, System.nanoTime());
				return PermissionDecision.deny("Bash may not create permission-one.txt here");
			}
			return PermissionDecision.allow(Json.mapper().createObjectNode().put("command", "echo changed-by-handler"));
		}).build();
		List<ClaudeMessage> messages = new ArrayList<>();
		List<Long> toolUseDeliveredNanos = new CopyOnWriteArrayList<>();
		try (ClaudeCodeRun run = client(options).query(Scenario.PERMISSION_TOOLS.prompt("Do the task."))) {
			for (ClaudeMessage message : run) {
				messages.add(message);
				if (message instanceof AssistantMessage assistant && !assistant.toolUses().isEmpty()) {
					toolUseDeliveredNanos.add(System.nanoTime());
				}
			}
		}
		assertThat(messages).last().isInstanceOf(ResultMessage.class);
		assertThat(toolUseDeliveredNanos.get(0)).as("the tool call is delivered while the handler still decides")
			.isLessThan(handlerReturnedNanos.get() - Duration.ofSeconds(4).toNanos());
		List<String> toolUseIds = toolUseIds(messages);
		Map<String, String> results = cli.api().toolResults();
		assertThat(results.get(toolUseIds.get(0))).as("the model receives the denial")
			.contains("Bash may not create permission-one.txt here");
		assertThat(this.workingDirectory.resolve("permission-one.txt")).as("Bash never ran the denied command")
			.doesNotExist();
		assertThat(this.workingDirectory.resolve("permission-two.txt")).as("nor the command the handler replaced")
			.doesNotExist();
		assertThat(results.get(toolUseIds.get(1))).as("the CLI ran the changed input").contains("changed-by-handler");
		assertThat(this.traced.tree()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		List<SpanData> tools = this.traced.spans("execute_tool");
		assertThat(attribute(tools.get(0), "claude_code.permission.decision")).isEqualTo("deny");
		assertThat(attribute(tools.get(0), "claude_code.permission.decided_by")).isEqualTo("handler");
		assertThat(tools.get(0).getAttributes().get(AttributeKey.longKey("claude_code.permission.wait_ms")))
			.isGreaterThanOrEqualTo(5000);
		assertThat(attribute(tools.get(1), "claude_code.permission.decision")).isEqualTo("allow_modified");
	}

	@Test
	void aPermissionHandlerThatThrowsDeniesAndTheRunCompletes() {
		ClaudeCodeOptions options = ClaudeCodeOptions.builder().permissionHandler((request) -> {
			throw new IllegalStateException("the approval service is down");
		}).build();
		List<ClaudeMessage> messages;
		try (ClaudeCodeRun run = client(options).query(Scenario.PERMISSION_TOOLS.prompt("Do the task."))) {
			messages = run.stream().toList();
		}
		assertThat(messages).last().isInstanceOfSatisfying(ResultMessage.class,
				(result) -> assertThat(result.isError()).isFalse());
		assertThat(cli.api().toolResults().get(toolUseIds(messages).get(0)))
			.contains("The application's permission handler failed on Bash; the call was denied");
		SpanData agent = this.traced.spans("invoke_agent").get(0);
		assertThat(agent.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
		assertThat(attribute(this.traced.spans("execute_tool").get(0), "claude_code.permission.decision")).isEqualTo("deny");
	}

	@Test
	void aPreToolUseHookBlocksACommandAndAPostToolUseHookSeesTheOutput() {
		List<HookInput> postToolUse = new CopyOnWriteArrayList<>();
		ClaudeHook blockOne = ClaudeHook.of(HookEvent.PRE_TOOL_USE, "Bash",
				(input) -> input.toolInput().path("command").asText().equals("echo one")
						? HookOutput.block("The hook blocks 'echo one'") : HookOutput.proceed());
		ClaudeHook seeOutput = ClaudeHook.of(HookEvent.POST_TOOL_USE, "Bash", (input) -> {
			postToolUse.add(input);
			return HookOutput.proceed().withAdditionalContext("checked by the hook");
		});
		// With the starter's timing hooks too (sentry.claude-code.tool-timing-hooks)
		ClaudeCodeOptions options = ToolTimingHooks.addTo(ClaudeCodeOptions.builder()
			.allowedTools(List.of("Bash"))
			.hooks(List.of(blockOne, seeOutput))
			.build());
		List<ClaudeMessage> messages;
		try (ClaudeCodeRun run = client(options).query(Scenario.SEQUENTIAL_TOOLS.prompt("Do the task."))) {
			messages = run.stream().toList();
		}
		List<String> toolUseIds = toolUseIds(messages);
		assertThat(cli.api().toolResults().get(toolUseIds.get(0))).contains("The hook blocks 'echo one'");
		assertThat(postToolUse).singleElement().satisfies((input) -> {
			assertThat(input.toolUseId()).isEqualTo(toolUseIds.get(1));
			assertThat(input.toolResponse().toString()).contains("two");
			assertThat(input.durationMillis()).isNotNull();
		});
		List<SpanData> tools = this.traced.spans("execute_tool");
		assertThat(attribute(tools.get(0), "claude_code.hooks")).matches("PreToolUse:block:\\d+");
		assertThat(attribute(tools.get(0), "claude_code.permission.decided_by")).isEqualTo("hook");
		assertThat(attribute(tools.get(1), "claude_code.hooks")).as("the timing hooks are not listed")
			.matches("PreToolUse:proceed:\\d+,PostToolUse:add_context:\\d+");
		assertThat(tools.get(1).getAttributes().get(AttributeKey.longKey("claude_code.tool.duration_ms")))
			.isEqualTo(postToolUse.get(0).durationMillis());
	}

	@Test
	void aSessionChangesItsModelAndReportsItsContextAndMcpServers() {
		try (ClaudeCodeSession session = client(ClaudeCodeOptions.empty()).openSession()) {
			session.send(Scenario.PLAIN_ANSWER.prompt("First.")).awaitResult();
			session.setModel("claude-opus-4-1");
			// The CLI resolves the name to a model id of its own
			session.send(Scenario.PLAIN_ANSWER.prompt("Second.")).awaitResult();
			assertThat(session.contextUsage().isObject()).isTrue();
			assertThat(session.mcpServerStatus().isArray()).isTrue();
		}
		String newModel = cli.api().calls().get(cli.api().calls().size() - 1).model();
		assertThat(newModel).startsWith("claude-opus-");
		List<SpanData> chats = this.traced.spans("chat");
		assertThat(attribute(chats.get(0), "gen_ai.request.model")).isEqualTo("claude-sonnet-4-5");
		assertThat(attribute(chats.get(chats.size() - 1), "gen_ai.request.model")).isEqualTo(newModel);
	}

	@Test
	void anInProcessMcpServerNamedInInitializeIsConnectedThroughMcpMessages() {
		List<String> methods = new CopyOnWriteArrayList<>();
		SdkMcpServer server = new SdkMcpServer() {

			@Override
			public String name() {
				return "app";
			}

			@Override
			public JsonNode handle(JsonNode message, SdkMcpCallContext context) {
				String method = message.path("method").asText();
				methods.add(method);
				if (!message.has("id")) {
					return null;
				}
				ObjectNode response = Json.mapper().createObjectNode().put("jsonrpc", "2.0");
				response.set("id", message.get("id"));
				ObjectNode result = response.putObject("result");
				if (method.equals("initialize")) {
					result.put("protocolVersion", message.path("params").path("protocolVersion").asText("2025-06-18"));
					result.putObject("capabilities").putObject("tools");
					result.putObject("serverInfo").put("name", "app").put("version", "1.0.0");
				}
				else if (method.equals("tools/list")) {
					result.putArray("tools");
				}
				return response;
			}

		};
		ClaudeCodeOptions options = ClaudeCodeOptions.builder().sdkMcpServers(List.of(server)).build();
		try (ClaudeCodeSession session = client(options).openSession()) {
			assertThat(session.initializeResponse().isObject()).isTrue();
			session.send(Scenario.PLAIN_ANSWER.prompt("Hello.")).awaitResult();
			assertThat(session.mcpServerStatus().toString()).contains("\"name\":\"app\"").contains("\"status\":\"connected\"");
		}
		assertThat(methods).contains("initialize", "tools/list");
	}

	private ClaudeCodeClient client(ClaudeCodeOptions overrides) {
		ClaudeCodeOptions defaults = cli.options(this.cliHome, this.workingDirectory)
			.environmentVariable("CLAUDE_CODE_MAX_RETRIES", "0")
			.runTimeout(Duration.ofSeconds(90))
			.build()
			.merge(overrides);
		return ClaudeCodeObservations.observe(CliClaudeCodeClient.builder().defaultOptions(defaults).build(),
				AgentRunObservations.builder(this.traced.registry()).build());
	}

	private static List<String> toolUseIds(List<ClaudeMessage> messages) {
		return messages.stream()
			.filter(AssistantMessage.class::isInstance)
			.flatMap((message) -> ((AssistantMessage) message).toolUses().stream())
			.map(ContentBlock.ToolUse::id)
			.distinct()
			.toList();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}



	private static String attribute(SpanData span, String key) {
		return span.getAttributes().get(AttributeKey.stringKey(key));
	}

}
