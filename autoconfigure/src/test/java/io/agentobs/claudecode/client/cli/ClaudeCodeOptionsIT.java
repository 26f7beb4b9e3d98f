package io.agentobs.claudecode.client.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.client.options.SessionOptions;
import io.agentobs.claudecode.scripted.RecordedCall;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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

	private ScriptedAnthropicApi api;

	private ClaudeCodeClient client;

	@BeforeEach
	void startApi() {
		this.api = ScriptedAnthropicApi.start();
		this.client = CliClaudeCodeClient.builder().defaultOptions(ClaudeCodeOptions.builder()
			.model("claude-sonnet-4-5")
			.workingDirectory(this.workingDirectory)
			.allowedTools(List.of("Bash"))
			.environment(this.cliHome.environment(this.api.cliEnvironment()))
			.idleTimeout(Duration.ofSeconds(60))
			.build()).build();
	}

	@AfterEach
	void stopApi() {
		this.api.close();
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
		assertThat(this.api.calls()).filteredOn((call) -> call.request().path("tools").size() > 0)
			.map(RecordedCall::systemPrompt)
			.isNotEmpty()
			.allSatisfy((system) -> assertThat(system)
				.endsWith("running within the Claude Agent SDK.\n--version\n\n--dangerously-skip-permissions"));
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
