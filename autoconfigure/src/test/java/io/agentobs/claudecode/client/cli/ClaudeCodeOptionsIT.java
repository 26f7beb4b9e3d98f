package io.agentobs.claudecode.client.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.agentobs.claudecode.actuate.McpServerHealthIndicator;
import io.agentobs.claudecode.actuate.McpServerStatuses;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.StructuredOutputException;
import io.agentobs.claudecode.client.StructuredQuery;
import io.agentobs.claudecode.client.message.AssistantMessage;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.client.options.AgentDefinition;
import io.agentobs.claudecode.client.options.McpServerConfig;
import io.agentobs.claudecode.client.options.SessionOptions;
import io.agentobs.claudecode.client.options.Thinking;
import io.agentobs.claudecode.scripted.RecordedCall;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ProbeMcpServer;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The options of {@link ClaudeCodeOptions} honoured by the real Claude Code CLI (found
 * through {@code CLAUDE_CODE_CLI_PATH}) against the {@link ScriptedAnthropicApi}.
 */
@Timeout(120)
class ClaudeCodeOptionsIT {

	private static final String CHOSEN_SESSION = "3f2c9a1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b";

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	@RegisterExtension
	final ScriptedCli cli = ScriptedCli.create();

	private ClaudeCodeClient client;

	@BeforeEach
	void createClient() {
		ClaudeCodeOptions defaults = this.cli.options(this.cliHome, this.workingDirectory)
			.allowedTools(List.of("Bash"))
			.idleTimeout(Duration.ofSeconds(60))
			.build();
		this.client = CliClaudeCodeClient.builder().defaultOptions(defaults).build();
	}

	@Test
	void valuesThatLookLikeFlagsNeverBecomeFlagsAndTheChosenSessionIdIsTheRunsId() {
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.systemPrompt("--version")
			.appendSystemPrompt("--dangerously-skip-permissions")
			.session(SessionOptions.builder().sessionId(CHOSEN_SESSION).name("--dangerously-skip-permissions").build())
			.build();
		List<ClaudeMessage> messages = collect(this.client.query("Say something", options));
		assertThat(init(messages)).satisfies((init) -> {
			assertThat(init.sessionId()).isEqualTo(CHOSEN_SESSION);
			assertThat(init.raw().path("permissionMode").asText()).isEqualTo("default");
		});
		assertThat(messages.get(messages.size() - 1)).isInstanceOfSatisfying(ResultMessage.class, (result) -> {
			assertThat(result.isError()).isFalse();
			assertThat(result.sessionId()).isEqualTo(CHOSEN_SESSION);
		});
		assertThat(this.cli.api().calls()).filteredOn((call) -> call.request().path("tools").size() > 0)
			.map(RecordedCall::systemPrompt)
			.isNotEmpty()
			.allSatisfy((system) -> assertThat(system)
				.endsWith("running within the Claude Agent SDK.\n--version\n\n--dangerously-skip-permissions"));
	}

	record Forecast(String city, int temperature) {
	}

	@Test
	void aTypedRecordIsReturnedAndNoSystemPromptMeansAnEmptyOne() {
		Forecast forecast = StructuredQuery.query(this.client, Scenario.STRUCTURED_OUTPUT.prompt("Forecast"),
				Forecast.class);
		assertThat(forecast).isEqualTo(new Forecast("Paris", 21));
		List<RecordedCall> agentLoop = this.cli.api().calls()
			.stream()
			.filter((call) -> call.request().path("tools").size() > 0)
			.toList();
		assertThat(agentLoop).isNotEmpty().allSatisfy((call) -> {
			assertThat(call.systemPrompt()).contains("cc_entrypoint=sdk-java;")
				.endsWith(";\nYou are a Claude agent, built on Anthropic's Claude Agent SDK.");
			assertThat(call.request().path("tools").findValuesAsText("name")).contains("StructuredOutput");
		});
	}

	@Test
	void aTinyBudgetStopsTheRun() {
		ResultMessage result = this.client
			.query(Scenario.MAX_TURNS.prompt("Keep going"),
					ClaudeCodeOptions.builder().maxBudgetUsd(new BigDecimal("0.000001")).maxTurns(6).build())
			.awaitResult();
		assertThat(result.subtype()).isEqualTo("error_max_budget_usd");
		assertThat(result.isError()).isTrue();
		assertThatExceptionOfType(StructuredOutputException.class)
			.isThrownBy(() -> StructuredQuery.read(result, Forecast.class))
			.withMessageStartingWith("The Claude Code run ended with error_max_budget_usd");
	}

	@Test
	void aStdioMcpServersToolResultReachesTheModelAndAMissingServerDoesNotStopTheRun() {
		List<String> probe = ProbeMcpServer.command();
		McpServerStatuses statuses = new McpServerStatuses();
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.messageListener(statuses)
			.mcpServers(Map.of("probe", McpServerConfig.stdio(probe.get(0), probe.subList(1, probe.size()), Map.of()),
					"missing", McpServerConfig.stdio("/nonexistent/mcp-server", List.of(), Map.of("TOKEN", "t"))))
			.strictMcpConfig(true)
			.allowedTools(List.of("mcp__probe__echo"))
			.build();
		List<ClaudeMessage> messages = collect(this.client.query(Scenario.MCP_TOOL.prompt("Call the probe"), options));
		JsonNode servers = init(messages).raw().path("mcp_servers");
		assertThat(servers.toString()).contains("{\"name\":\"probe\",\"status\":\"connected\"")
			.contains("{\"name\":\"missing\",\"status\":\"failed\"");
		assertThat(new McpServerHealthIndicator(statuses, "probe").health().getStatus()).isEqualTo(Status.UP);
		assertThat(new McpServerHealthIndicator(statuses, "missing").health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(messages.get(messages.size() - 1)).isInstanceOfSatisfying(ResultMessage.class,
				(result) -> assertThat(result.isError()).isFalse());
		assertThat(this.cli.api().calls().get(this.cli.api().calls().size() - 1).toolResultBlocks())
			.anySatisfy((toolResult) -> assertThat(toolResult.toString()).contains(ProbeMcpServer.ECHO_PREFIX + "ping"));
	}

	@Test
	void emptySettingSourcesIgnoreADenyRuleInTheUsersSettings() throws Exception {
		Files.writeString(this.cliHome.configDirectory().resolve("settings.json"),
				"{\"permissions\":{\"deny\":[\"Bash\"]}}");
		this.client.query(Scenario.TOOL_CALL.prompt("Run the tool")).awaitResult();
		assertThat(lastToolResult()).contains("Bash is disabled for this session").doesNotContain("hello-from-tool");
		this.client.query(Scenario.TOOL_CALL.prompt("Run the tool"),
				ClaudeCodeOptions.builder().settingSources(List.of()).build()).awaitResult();
		assertThat(lastToolResult()).contains("hello-from-tool");
	}

	/**
	 * A declared subagent is launched with its prompt. Effort (not sent for this model),
	 * fallback model, hook events and extra arguments are accepted; the other flags show in
	 * the init message, the stream or the API requests.
	 */
	@Test
	void aDeclaredSubagentIsLaunchedAndTheOtherFlagsAreHonoured(@TempDir Path extra) throws Exception {
		Path plugin = Files.createDirectories(extra.resolve("probe-plugin/.claude-plugin"));
		Files.writeString(plugin.resolve("plugin.json"), "{\"name\":\"probe-plugin\",\"version\":\"1.0.0\"}");
		Path directory = Files.createDirectories(extra.resolve("shared-docs"));
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.agents(Map.of("probe-reviewer",
					new AgentDefinition("Reviews probes", "You are the probe reviewer.", List.of("Bash"), null, null, 3)))
			.forwardSubagentText(true)
			.includeHookEvents(true)
			.thinking(Thinking.disabled())
			.effort("low")
			.fallbackModel("claude-haiku-4-5")
			.betas(List.of("context-1m-2025-08-07"))
			.additionalDirectories(List.of(directory))
			.plugins(List.of(plugin.getParent()))
			.extraArgs(Map.of("exclude-dynamic-system-prompt-sections", ""))
			.build();
		List<ClaudeMessage> messages = collect(
				this.client.query(Scenario.NAMED_SUBAGENT.prompt("Ask the reviewer"), options));
		JsonNode init = init(messages).raw();
		assertThat(init.path("betas").toString()).isEqualTo("[\"context-1m-2025-08-07\"]");
		assertThat(init.path("plugins").findValuesAsText("name")).contains("probe-plugin");
		assertThat(init.path("agents").toString()).contains("\"probe-reviewer\"");
		assertThat(messages).filteredOn(AssistantMessage.class::isInstance)
			.map(ClaudeMessage::raw)
			.anySatisfy((assistant) -> {
				assertThat(assistant.path("parent_tool_use_id").asText()).startsWith("toolu_named_subagent_");
				assertThat(assistant.at("/message/content/0/text").asText())
					.isEqualTo("Subagent finished: hello-from-subagent.");
			});
		assertThat(messages.get(messages.size() - 1)).isInstanceOfSatisfying(ResultMessage.class,
				(result) -> assertThat(result.isError()).isFalse());
		assertThat(this.cli.api().calls()).filteredOn(RecordedCall::subagent)
			.isNotEmpty()
			.allSatisfy((call) -> assertThat(call.systemPrompt()).contains("You are the probe reviewer."));
		assertThat(this.cli.api().calls()).filteredOn((call) -> !call.subagent())
			.flatMap(RecordedCall::toolResultBlocks)
			.anySatisfy((toolResult) -> assertThat(toolResult.toString()).contains("hello-from-subagent"));
		assertThat(this.cli.api().calls()).filteredOn((call) -> !call.subagent() && call.request().path("tools").size() > 0)
			.isNotEmpty()
			.allSatisfy((call) -> {
				assertThat(call.request().path("thinking").toString()).isEqualTo("{\"type\":\"disabled\"}");
				assertThat(call.request().toString()).contains("Additional working directories:\\n  - " + directory);
			});
	}

	private String lastToolResult() {
		List<RecordedCall> calls = this.cli.api().calls();
		List<JsonNode> results = calls.get(calls.size() - 1).toolResultBlocks();
		return results.get(results.size() - 1).toString();
	}

	static SystemMessage init(List<ClaudeMessage> messages) {
		return messages.stream()
			.filter((message) -> message instanceof SystemMessage system && system.isInit())
			.map(SystemMessage.class::cast)
			.findFirst()
			.orElseThrow();
	}

	static List<ClaudeMessage> collect(ClaudeCodeRun run) {
		List<ClaudeMessage> messages = new ArrayList<>();
		try (run) {
			run.forEach(messages::add);
		}
		return messages;
	}

}
