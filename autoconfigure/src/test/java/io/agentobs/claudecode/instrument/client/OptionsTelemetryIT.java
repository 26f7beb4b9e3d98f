package io.agentobs.claudecode.instrument.client;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.options.AgentDefinition;
import io.agentobs.claudecode.client.options.McpServerConfig;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ProbeMcpServer;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import io.agentobs.claudecode.testsupport.TracedRuns;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: what the client's options make the real Claude Code CLI do shows in the trace
 * (the scripted Anthropic API plays the model): a declared subagent's spans carry its name,
 * a stdio MCP server's tool is an {@code extension} tool of that server, a typed result
 * makes the run and its chats {@code json}, a budget stop is the run's error type.
 */
class OptionsTelemetryIT {

	@RegisterExtension
	static final ScriptedCli cli = ScriptedCli.create();

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	@RegisterExtension
	final TracedRuns traced = TracedRuns.create();

	@Test
	void aDeclaredSubagentsSpansCarryItsName() {
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.agents(Map.of("probe-reviewer",
					new AgentDefinition("Reviews probes", "You are the probe reviewer.", List.of("Bash"), null, null, 3)))
			.build();
		run(Scenario.NAMED_SUBAGENT.prompt("Ask the reviewer"), options);

		assertThat(this.traced.tree()).contains("invoke_agent probe-reviewer");
		SpanData subagent = this.traced.span("invoke_agent probe-reviewer");
		assertThat(subagent.getAttributes().get(AttributeKey.stringKey("gen_ai.agent.name")))
			.isEqualTo("probe-reviewer");
		assertThat(this.traced.spans()).filteredOn((span) -> span.getName().equals("execute_tool Bash"))
			.singleElement()
			.satisfies((bash) -> assertThat(bash.getParentSpanId()).isEqualTo(subagent.getSpanId()));
	}

	@Test
	void aStdioMcpServersToolIsAnExtensionToolOfThatServer() {
		List<String> probe = ProbeMcpServer.command();
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.mcpServers(Map.of("probe", McpServerConfig.stdio(probe.get(0), probe.subList(1, probe.size()), Map.of())))
			.strictMcpConfig(true)
			.allowedTools(List.of("mcp__probe__echo"))
			.build();
		ResultMessage result = run(Scenario.MCP_TOOL.prompt("Call the probe"), options);

		assertThat(result.isError()).isFalse();
		SpanData tool = this.traced.span("execute_tool mcp__probe__echo");
		assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.type"))).isEqualTo("extension");
		assertThat(tool.getAttributes().get(AttributeKey.stringKey("claude_code.mcp.server"))).isEqualTo("probe");
		assertThat(tool.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
		assertThat(this.traced.span("execute_tool ToolSearch").getAttributes().get(AttributeKey.stringKey("gen_ai.tool.type")))
			.isEqualTo("function");
	}

	@Test
	void aTypedResultMakesTheRunAndItsChatsJson() {
		ResultMessage result = run(Scenario.STRUCTURED_OUTPUT.prompt("Forecast"),
				ClaudeCodeOptions.builder().outputType(Forecast.class).effort("low").build());

		assertThat(result.structuredOutput(Forecast.class)).isEqualTo(new Forecast("Paris", 21));
		SpanData agent = this.traced.span("invoke_agent claude-code");
		assertThat(agent.getAttributes().get(AttributeKey.stringKey("gen_ai.output.type"))).isEqualTo("json");
		assertThat(agent.getAttributes().get(AttributeKey.stringKey("claude_code.request.effort"))).isEqualTo("low");
		assertThat(this.traced.spans()).filteredOn((span) -> span.getName().startsWith("chat "))
			.isNotEmpty()
			.allSatisfy((chat) -> assertThat(chat.getAttributes().get(AttributeKey.stringKey("gen_ai.output.type")))
				.isEqualTo("json"));
	}

	@Test
	void aBudgetStopIsTheRunsErrorType() {
		ResultMessage result = run(Scenario.MAX_TURNS.prompt("Keep going"),
				ClaudeCodeOptions.builder().maxBudgetUsd(new BigDecimal("0.000001")).maxTurns(6).build());

		assertThat(result.subtype()).isEqualTo("error_max_budget_usd");
		SpanData agent = this.traced.span("invoke_agent claude-code");
		assertThat(agent.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(agent.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("error_max_budget_usd");
		assertThat(agent.getAttributes().get(AttributeKey.doubleKey("claude_code.request.max_budget_usd")))
			.isEqualTo(0.000001);
	}

	@Test
	void eachSessionTurnCarriesWhatTheSessionWasAsked() {
		try (ClaudeCodeSession session = client().openSession(ClaudeCodeOptions.builder()
			.effort("low")
			.maxBudgetUsd(new BigDecimal("5"))
			.build())) {
			session.send(Scenario.PLAIN_ANSWER.prompt("One")).awaitResult();
			session.send(Scenario.PLAIN_ANSWER.prompt("Two")).awaitResult();
		}
		assertThat(this.traced.spans("invoke_agent")).hasSize(2).allSatisfy((turn) -> {
			assertThat(turn.getAttributes().get(AttributeKey.stringKey("claude_code.request.effort"))).isEqualTo("low");
			assertThat(turn.getAttributes().get(AttributeKey.doubleKey("claude_code.request.max_budget_usd")))
				.isEqualTo(5.0);
		});
	}

	record Forecast(String city, int temperature) {
	}

	private ResultMessage run(String prompt, ClaudeCodeOptions options) {
		try (ClaudeCodeRun run = client().query(prompt, options)) {
			return run.awaitResult();
		}
	}

	private ClaudeCodeClient client() {
		ClaudeCodeOptions options = cli.options(this.cliHome, this.workingDirectory)
			.environmentVariable("CLAUDE_CODE_MAX_RETRIES", "0")
			.runTimeout(Duration.ofSeconds(90))
			.build();
		return ClaudeCodeObservations.observe(CliClaudeCodeClient.builder().defaultOptions(options).build(),
				AgentRunObservations.builder(this.traced.registry()).build());
	}


}
