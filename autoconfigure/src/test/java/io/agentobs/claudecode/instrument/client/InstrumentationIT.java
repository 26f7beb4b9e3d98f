package io.agentobs.claudecode.instrument.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ContentBlock;
import io.agentobs.claudecode.client.message.UserMessage;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.CliEnvironmentProvider;
import io.agentobs.claudecode.scripted.RecordedCall;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import io.agentobs.claudecode.testsupport.TracedRuns;
import io.agentobs.claudecode.tracing.CliTelemetryEnvironmentProvider;
import io.agentobs.claudecode.tracing.TraceContextCliEnvironmentProvider;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: the real Claude Code CLI against the scripted Anthropic API, observed through
 * the advisor, exported as OpenTelemetry spans.
 */
class InstrumentationIT {

	@RegisterExtension
	static final ScriptedCli cli = ScriptedCli.create();

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	@RegisterExtension
	final TracedRuns traced = TracedRuns.create();

	@Test
	void toolCallGivesChatToolChatWithPerCallTokensFromTheApi() {
		List<ClaudeMessage> messages = run(client(), Scenario.TOOL_CALL);
		assertThat(toolOutputs(messages)).containsExactly("hello-from-tool");
		assertThat(this.traced.tree()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		for (SpanData chat : this.traced.spans("chat ")) {
			RecordedCall call = recordedCall(attribute(chat, "gen_ai.response.id"));
			assertThat(tokens(chat, "gen_ai.usage.output_tokens")).isEqualTo(call.usage().outputTokens());
			assertThat(tokens(chat, "gen_ai.usage.input_tokens")).isEqualTo(call.usage().inputTokens()
					+ call.usage().cacheReadInputTokens() + call.usage().cacheCreationInputTokens());
			assertThat(attribute(chat, "gen_ai.response.finish_reasons")).isEqualTo("[\"" + call.stopReason() + "\"]");
		}
		SpanData tool = this.traced.spans("execute_tool").get(0);
		assertThat(tool.getEndEpochNanos() - tool.getStartEpochNanos()).isPositive();
		assertThat(attribute(tool, "gen_ai.tool.type")).isEqualTo("function");
		SpanData agent = this.traced.spans("invoke_agent").get(0);
		assertThat(attribute(agent, "gen_ai.conversation.id")).isNotBlank();
		assertThat(attribute(agent, "claude_code.result.subtype")).isEqualTo("success");
		assertThat(agent.getAttributes().get(AttributeKey.doubleKey("gen_ai.cost.total_tokens"))).isPositive();
		assertThat(tokens(agent, "claude_code.usage.output_tokens")).isEqualTo(cli.api().calls()
			.stream()
			.filter((call) -> call.messageId() != null && call.usage() != null)
			.filter((call) -> this.traced.spans("chat ").stream()
				.anyMatch((chat) -> call.messageId().equals(attribute(chat, "gen_ai.response.id"))))
			.mapToLong((call) -> call.usage().outputTokens())
			.sum());
		assertThat(agent.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
	}

	@Test
	void parallelToolsAreSiblings() {
		run(client(), Scenario.PARALLEL_TOOLS);
		assertThat(this.traced.tree()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
	}

	@Test
	void sequentialToolsGiveOneChatAndOneToolSpanPerTurn() {
		List<ClaudeMessage> messages = run(client(), Scenario.SEQUENTIAL_TOOLS);
		assertThat(toolOutputs(messages)).containsExactly("one", "two");
		assertThat(this.traced.tree()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		List<SpanData> chats = this.traced.spans("chat ");
		List<SpanData> tools = this.traced.spans("execute_tool");
		// A tool starts with its tool_use block, before its chat's last token; it ends before the next request.
		for (int i = 0; i < tools.size(); i++) {
			assertThat(tools.get(i).getEndEpochNanos()).as("tool %d ends before the next chat", i)
				.isLessThanOrEqualTo(chats.get(i + 1).getStartEpochNanos());
		}
		assertThat(chats).extracting((chat) -> attribute(chat, "gen_ai.response.finish_reasons"))
			.containsExactly("[\"tool_use\"]", "[\"tool_use\"]", "[\"end_turn\"]");
		assertThat(this.traced.spans("invoke_agent").get(0).getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
	}

	@Test
	void failingToolMarksOnlyTheToolSpan() {
		run(client(), Scenario.FAILING_TOOL);
		SpanData tool = this.traced.spans("execute_tool").get(0);
		assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(attribute(tool, "error.type")).isEqualTo("tool_error");
		assertThat(this.traced.spans("invoke_agent").get(0).getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
	}

	@Test
	void subagentNestsUnderTheAgentToolSpan() {
		List<ClaudeMessage> messages = run(client(), Scenario.SUBAGENT);
		assertThat(toolOutputs(messages)).anyMatch((output) -> output.contains("hello-from-subagent"));
		assertThat(this.traced.tree()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Agent
				    invoke_agent general-purpose
				      chat claude-sonnet-4-5
				      execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		SpanData subagent = this.traced.spans("invoke_agent general-purpose").get(0);
		assertThat(attribute(subagent, "gen_ai.agent.id")).isNotBlank();
	}

	@Test
	void apiErrorFailsTheAgentAndItsRequestWithTheStatus() {
		run(client(), Scenario.HTTP_401);
		assertThat(this.traced.tree()).as("the failed request is a chat; the CLI's synthetic message is not").isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				""");
		SpanData chat = this.traced.spans("chat ").get(0);
		assertThat(chat.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(attribute(chat, "error.type")).isEqualTo("401");
		assertThat(attribute(chat, "gen_ai.response.id")).isNull();
		SpanData agent = this.traced.spans("invoke_agent").get(0);
		assertThat(agent.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(attribute(agent, "error.type")).isEqualTo("401");
		assertThat(attribute(agent, "claude_code.terminal_reason")).isEqualTo("api_error");
	}

	@Test
	void maxTurnsFailsTheAgent() {
		run(client(ClaudeCodeOptions.builder().maxTurns(2).build()), Scenario.MAX_TURNS);
		SpanData agent = this.traced.spans("invoke_agent").get(0);
		assertThat(agent.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(attribute(agent, "error.type")).isEqualTo("error_max_turns");
		assertThat(this.traced.spans("chat ")).hasSize(2);
	}

	@Test
	void consumerClosingEarlyEndsEverySpan() {
		try (ClaudeCodeRun run = client().query(Scenario.TOOL_CALL.prompt("Run a command."))) {
			for (ClaudeMessage message : run) {
				if (message instanceof io.agentobs.claudecode.client.message.AssistantMessage assistant
						&& !assistant.toolUses().isEmpty()) {
					break;
				}
			}
		}
		assertThat(this.traced.tree()).startsWith("invoke_agent claude-code\n  chat claude-sonnet-4-5\n");
		assertThat(this.traced.spans("execute_tool")).hasSize(1);
	}

	@Test
	void multiTurnSessionGivesOneAgentSpanPerTurnInOneConversation() {
		try (ClaudeCodeSession session = client().openSession()) {
			session.send(Scenario.PLAIN_ANSWER.prompt("First.")).awaitResult();
			session.send(Scenario.TOOL_CALL.prompt("Second.")).awaitResult();
		}
		List<SpanData> agents = this.traced.spans("invoke_agent");
		assertThat(agents).hasSize(2);
		assertThat(agents).extracting((agent) -> attribute(agent, "gen_ai.conversation.id"))
			.doesNotContainNull()
			.containsOnly(attribute(agents.get(0), "gen_ai.conversation.id"));
		assertThat(agents.get(0).getTraceId()).isNotEqualTo(agents.get(1).getTraceId());
	}

	@Test
	void cliSpansJoinTheTraceUnderTheAgentSpan() throws IOException {
		List<String> exported = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/v1/traces", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				exported.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		try {
			String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/traces";
			// DISABLE_TELEMETRY=1, set by the scripted API's environment, does not stop the CLI's OTLP export.
			ClaudeCodeClient client = client(ClaudeCodeOptions.empty(),
					new TraceContextCliEnvironmentProvider(this.traced.propagator()),
					new CliTelemetryEnvironmentProvider(endpoint, "http/json"));
			run(client, Scenario.TOOL_CALL);
			awaitExport(exported);
		}
		finally {
			receiver.stop(0);
		}
		SpanData agent = this.traced.spans("invoke_agent").get(0);
		String body = String.join("\n", exported);
		assertThat(body).contains("claude_code.");
		assertThat(body).containsIgnoringCase(agent.getTraceId());
		assertThat(body).containsIgnoringCase(agent.getSpanId());
	}

	private static void awaitExport(List<String> exported) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (exported.stream().noneMatch((body) -> body.contains("claude_code.")) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private ClaudeCodeClient client() {
		return client(ClaudeCodeOptions.empty());
	}

	private ClaudeCodeClient client(ClaudeCodeOptions overrides, CliEnvironmentProvider... providers) {
		ClaudeCodeOptions defaults = cli.options(this.cliHome, this.workingDirectory)
			.environmentVariable("CLAUDE_CODE_MAX_RETRIES", "0")
			.allowedTools(List.of("Bash", "Agent", "Task"))
			.runTimeout(Duration.ofSeconds(90))
			.build()
			.merge(overrides);
		AgentRunObservations observations = AgentRunObservations.builder(this.traced.registry()).cliEnvironmentProviders(List.of(providers)).build();
		return ClaudeCodeObservations.observe(CliClaudeCodeClient.builder().defaultOptions(defaults).build(), observations);
	}

	private static List<ClaudeMessage> run(ClaudeCodeClient client, Scenario scenario) {
		try (ClaudeCodeRun run = client.query(scenario.prompt("Do the task."))) {
			return run.stream().toList();
		}
	}

	private static List<String> toolOutputs(List<ClaudeMessage> messages) {
		return messages.stream()
			.filter(UserMessage.class::isInstance)
			.flatMap((message) -> ((UserMessage) message).toolResults().stream())
			.map(ContentBlock.ToolResult::content)
			.map((content) -> content.isTextual() ? content.asText() : content.toString())
			.toList();
	}



	private static String attribute(SpanData span, String key) {
		return span.getAttributes().get(AttributeKey.stringKey(key));
	}

	private static Long tokens(SpanData span, String key) {
		return span.getAttributes().get(AttributeKey.longKey(key));
	}

	private static RecordedCall recordedCall(String messageId) {
		return cli.api().calls()
			.stream()
			.filter((call) -> messageId.equals(call.messageId()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The scripted API sent no message " + messageId));
	}

}
