package io.agentobs.claudecode.client.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.options.AgentDefinition;
import io.agentobs.claudecode.client.options.SessionOptions;
import io.agentobs.claudecode.client.options.SystemPromptPreset;
import io.agentobs.claudecode.client.options.Thinking;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ClaudeCliCommand}.
 */
class ClaudeCliCommandTests {

	private static final Path CLI = Path.of("/opt/claude");

	private static final String SESSION = "0b6f3f4e-2a4d-4c6e-9f57-1c2d3e4f5a6b";

	private static final String OTHER_SESSION = "7d9e1c2a-5b3f-4e8d-a1b2-c3d4e5f6a7b8";

	@Test
	void emptyOptionsStartBidirectionalStreamJsonWithPartialMessages() {
		assertThat(ClaudeCliCommand.of(CLI, ClaudeCodeOptions.empty(), null)).containsExactly("/opt/claude",
				"--output-format=stream-json", "--verbose", "--input-format=stream-json", "--system-prompt=",
				"--include-partial-messages");
	}

	@Test
	void everyOptionBecomesOneArgument() {
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.model("m")
			.permissionMode("plan")
			.maxTurns(2)
			.systemPrompt("sys")
			.appendSystemPrompt("more")
			.allowedTools(List.of("Bash", "Read"))
			.disallowedTools(List.of("WebFetch"))
			.includePartialMessages(false)
			.session(SessionOptions.resume(SESSION))
			.build();
		assertThat(ClaudeCliCommand.of(CLI, options, null)).containsExactly("/opt/claude", "--output-format=stream-json",
				"--verbose", "--input-format=stream-json", "--model=m", "--permission-mode=plan", "--max-turns=2",
				"--system-prompt=sys", "--append-system-prompt=more", "--allowedTools=Bash,Read",
				"--disallowedTools=WebFetch", "--resume=" + SESSION);
	}

	@Test
	void valuesThatLookLikeFlagsStayInsideTheirArgument() {
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.systemPrompt("--dangerously-skip-permissions")
			.model("--version")
			.session(SessionOptions.builder().sessionId(SESSION).name("--dangerously-skip-permissions").build())
			.build();
		assertThat(ClaudeCliCommand.of(CLI, options, null)).contains("--system-prompt=--dangerously-skip-permissions",
				"--model=--version", "--name=--dangerously-skip-permissions")
			.doesNotContain("--dangerously-skip-permissions", "--version");
	}

	@Test
	void sessionOptionsBecomeSessionFlags() {
		ClaudeCodeOptions forked = ClaudeCodeOptions.builder()
			.session(SessionOptions.builder().resume(SESSION).fork(true).sessionId(OTHER_SESSION).name("n").build())
			.persistSession(false)
			.includePartialMessages(false)
			.build();
		assertThat(ClaudeCliCommand.of(CLI, forked, null)).containsExactly("/opt/claude", "--output-format=stream-json",
				"--verbose", "--input-format=stream-json", "--system-prompt=", "--resume=" + SESSION, "--fork-session",
				"--session-id=" + OTHER_SESSION, "--name=n", "--no-session-persistence");
		ClaudeCodeOptions continued = ClaudeCodeOptions.builder()
			.session(SessionOptions.builder().continueLatest(true).build())
			.persistSession(true)
			.includePartialMessages(false)
			.build();
		assertThat(ClaudeCliCommand.of(CLI, continued, null)).containsExactly("/opt/claude", "--output-format=stream-json",
				"--verbose", "--input-format=stream-json", "--system-prompt=", "--continue");
	}

	@Test
	void everyNewOptionBecomesOneArgument() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("permissions", Map.of("deny", List.of("WebFetch")));
		settings.put("sandbox", Map.of("enabled", true));
		Map<String, String> extraArgs = new LinkedHashMap<>();
		extraArgs.put("exclude-dynamic-system-prompt-sections", null);
		extraArgs.put("permission-prompts", "none");
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.model("m")
			.thinking(new Thinking(Thinking.Type.ENABLED, 2048, "summarized"))
			.effort("high")
			.maxBudgetUsd(new BigDecimal("0.0001"))
			.fallbackModel("claude-haiku-4-5")
			.agent("reviewer")
			.betas(List.of("b-1", "b-2"))
			.outputSchema("{\"type\":\"object\"}")
			.systemPromptPreset(SystemPromptPreset.CLAUDE_CODE)
			.tools(List.of())
			.settingSources(List.of())
			.strictMcpConfig(true)
			.includeHookEvents(true)
			.forwardSubagentText(true)
			.includePartialMessages(false)
			.additionalDirectories(List.of(Path.of("/srv/a"), Path.of("/srv/b")))
			.plugins(List.of(Path.of("/opt/p.zip")))
			.agents(Map.of("reviewer", new AgentDefinition("Reviews", "You review.", List.of("Read"), null, "sonnet", 3)))
			.settings(settings)
			.extraArgs(extraArgs)
			.persistSession(false)
			.build();
		assertThat(ClaudeCliCommand.of(CLI, options, Path.of("/tmp/mcp.json"))).containsExactly("/opt/claude",
				"--output-format=stream-json", "--verbose", "--input-format=stream-json", "--model=m",
				"--max-thinking-tokens=2048", "--thinking-display=summarized", "--effort=high",
				"--max-budget-usd=0.0001", "--fallback-model=claude-haiku-4-5", "--agent=reviewer", "--betas=b-1,b-2",
				"--json-schema={\"type\":\"object\"}", "--tools=", "--mcp-config=/tmp/mcp.json", "--setting-sources=",
				"--strict-mcp-config", "--include-hook-events", "--forward-subagent-text", "--add-dir=/srv/a",
				"--add-dir=/srv/b", "--plugin-dir=/opt/p.zip",
				"--agents={\"reviewer\":{\"description\":\"Reviews\",\"prompt\":\"You review.\",\"tools\":[\"Read\"],"
						+ "\"model\":\"sonnet\",\"maxTurns\":3}}",
				"--settings={\"permissions\":{\"deny\":[\"WebFetch\"]},\"sandbox\":{\"enabled\":true}}",
				"--no-session-persistence", "--exclude-dynamic-system-prompt-sections", "--permission-prompts=none");
	}

	@Test
	void thinkingMapsAsTheOfficialSdksMapIt() {
		assertThat(thinkingArguments(Thinking.adaptive())).containsExactly("--thinking=adaptive");
		assertThat(thinkingArguments(new Thinking(Thinking.Type.ENABLED, null, null)))
			.containsExactly("--thinking=adaptive");
		assertThat(thinkingArguments(new Thinking(Thinking.Type.DISABLED, null, "summarized")))
			.containsExactly("--thinking=disabled");
	}

	private static List<String> thinkingArguments(Thinking thinking) {
		return ClaudeCliCommand
			.of(CLI, ClaudeCodeOptions.builder().thinking(thinking).includePartialMessages(false).build(), null)
			.stream()
			.filter((argument) -> argument.contains("thinking"))
			.toList();
	}

	@Test
	void anExplicitSystemPromptWinsOverThePresetAndClaudeCodeKeepsTheCliPrompt() {
		assertThat(ClaudeCliCommand.of(CLI,
				ClaudeCodeOptions.builder().systemPrompt("sys").systemPromptPreset(SystemPromptPreset.EMPTY).build(),
				null))
			.contains("--system-prompt=sys")
			.doesNotContain("--system-prompt=");
		assertThat(ClaudeCliCommand.of(CLI,
				ClaudeCodeOptions.builder().systemPromptPreset(SystemPromptPreset.CLAUDE_CODE).build(), null))
			.noneMatch((argument) -> argument.startsWith("--system-prompt"));
	}

	@Test
	void extraArgumentNamesAreValidated() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClaudeCodeOptions.builder().extraArgs(Map.of("-x", "1")).build())
			.withMessageContaining("'-x'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClaudeCodeOptions.builder().extraArgs(Map.of("a=b", "1")).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClaudeCodeOptions.builder().extraArgs(Map.of("a b", "1")).build());
	}

	@Test
	void neverBypassesPermissionsByDefault() {
		assertThat(ClaudeCliCommand.of(CLI, ClaudeCodeOptions.empty(), null)).noneMatch(
				(argument) -> argument.contains("bypassPermissions") || argument.contains("dangerously"));
	}

}
