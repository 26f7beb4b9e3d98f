package io.agentobs.claudecode.instrument.sdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.agentobs.claudecode.autoconfigure.ClaudeCodeObservabilityAutoConfiguration;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.BootLine;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springaicommunity.claude.agent.sdk.ClaudeAsyncClient;
import org.springaicommunity.claude.agent.sdk.ClaudeClient;
import org.springaicommunity.claude.agent.sdk.ClaudeSyncClient;
import org.springaicommunity.claude.agent.sdk.config.PermissionMode;
import org.springaicommunity.claude.agent.sdk.transport.CLIOptions;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application whose only agent code is a claude-code-sdk client bean gets the
 * agent trace from the starter's auto-configuration, with the real CLI.
 */
@Timeout(120)
class ClaudeAgentSdkApplicationIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String TOOL_TREE = """
			invoke_agent claude-code
			  chat claude-sonnet-4-5
			  execute_tool Bash
			  chat claude-sonnet-4-5
			""";

	private static ScriptedAnthropicApi api;

	private static HermeticCliEnvironment cliHome;

	@TempDir
	static Path workingDirectory;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootLine.current().observation())
		.withConfiguration(AutoConfigurations.of(ClaudeCodeObservabilityAutoConfiguration.class));

	@BeforeAll
	static void startApi() {
		api = ScriptedAnthropicApi.start();
		cliHome = HermeticCliEnvironment.create();
	}

	@AfterAll
	static void stopApi() {
		api.close();
		cliHome.close();
	}

	@Test
	void syncClientBeanIsObserved() {
		this.contextRunner
			.withBean(ClaudeSyncClient.class,
					() -> ClaudeClient.sync(options())
						.workingDirectory(workingDirectory)
						.claudePath(System.getenv("CLAUDE_CODE_CLI_PATH"))
						.timeout(TIMEOUT)
						.build())
			.run((context) -> {
				ObservationTree tree = ObservationTree.of(context.getBean(ObservationRegistry.class));
				try (ClaudeSyncClient client = context.getBean(ClaudeSyncClient.class)) {
					assertThat(client.connectText(Scenario.TOOL_CALL.prompt("Run a command."))).isNotEmpty();
					assertThat(tree.render()).isEqualTo(TOOL_TREE);
					assertThat(tree.notStoppedExactlyOnce()).isEmpty();
				}
			});
	}

	@Test
	void asyncClientBeanIsObserved() {
		this.contextRunner
			.withBean(ClaudeAsyncClient.class,
					() -> ClaudeClient.async(options())
						.workingDirectory(workingDirectory)
						.claudePath(System.getenv("CLAUDE_CODE_CLI_PATH"))
						.timeout(TIMEOUT)
						.build())
			.run((context) -> {
				ObservationTree tree = ObservationTree.of(context.getBean(ObservationRegistry.class));
				ClaudeAsyncClient client = context.getBean(ClaudeAsyncClient.class);
				try {
					client.connect(Scenario.TOOL_CALL.prompt("Run a command.")).messages().blockLast(TIMEOUT);
					assertThat(tree.render()).isEqualTo(TOOL_TREE);
					assertThat(tree.notStoppedExactlyOnce()).isEmpty();
				}
				finally {
					client.close().block(TIMEOUT);
				}
			});
	}

	private static CLIOptions options() {
		return CLIOptions.builder()
			.model("claude-sonnet-4-5")
			.allowedTools(List.of("Bash"))
			.permissionMode(PermissionMode.DEFAULT)
			.env(cliHome.environment(api.cliEnvironment()))
			.build();
	}

}
