package io.agentobs.claudecode.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.options.SystemPromptPreset;
import io.agentobs.claudecode.testsupport.BootLineNeutral;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClaudeCodeClientAutoConfiguration}.
 */
@BootLineNeutral
class ClaudeCodeClientAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClaudeCodeClientAutoConfiguration.class));

	@Test
	void clientDefaultsToPartialMessagesAndATenMinuteIdleTimeout() {
		// The build exports CLAUDE_CODE_CLI_PATH, which binds to claude-code.cli-path
		this.contextRunner.run((context) -> assertThat(
				defaultOptions(context.getBean(ClaudeCodeClient.class)).toBuilder().cliPath(null).build())
			.isEqualTo(ClaudeCodeOptions.builder()
				.includePartialMessages(true)
				.idleTimeout(Duration.ofMinutes(10))
				.systemPromptPreset(SystemPromptPreset.EMPTY)
				.build()));
	}

	@Test
	void propertiesAreBoundIntoTheClientOptions() {
		this.contextRunner.withPropertyValues("claude-code.cli-path=/opt/claude/bin/claude",
				"claude-code.model=claude-sonnet-4-5", "claude-code.working-directory=/srv/agent",
				"claude-code.allowed-tools=Bash,Read", "claude-code.disallowed-tools=WebFetch",
				"claude-code.permission-mode=acceptEdits", "claude-code.max-turns=7",
				"claude-code.system-prompt=You are terse.", "claude-code.append-system-prompt=Answer in English.",
				"claude-code.include-partial-messages=false", "claude-code.environment.ANTHROPIC_BASE_URL=http://proxy",
				"claude-code.run-timeout=5m", "claude-code.idle-timeout=30s")
			.run((context) -> assertThat(defaultOptions(context.getBean(ClaudeCodeClient.class)))
				.isEqualTo(ClaudeCodeOptions.builder()
					.cliPath(Path.of("/opt/claude/bin/claude"))
					.model("claude-sonnet-4-5")
					.workingDirectory(Path.of("/srv/agent"))
					.allowedTools(List.of("Bash", "Read"))
					.disallowedTools(List.of("WebFetch"))
					.permissionMode("acceptEdits")
					.maxTurns(7)
					.systemPrompt("You are terse.")
					.appendSystemPrompt("Answer in English.")
					.includePartialMessages(false)
					.environment(Map.of("ANTHROPIC_BASE_URL", "http://proxy"))
					.runTimeout(Duration.ofMinutes(5))
					.idleTimeout(Duration.ofSeconds(30))
					.systemPromptPreset(SystemPromptPreset.EMPTY)
					.build()));
	}

	@Test
	void userDefinedClientWins() {
		this.contextRunner.withUserConfiguration(UserClientConfiguration.class)
			.withPropertyValues("claude-code.model=from-properties")
			.run((context) -> {
				assertThat(context).hasSingleBean(ClaudeCodeClient.class).hasBean("myClient");
				assertThat(defaultOptions(context.getBean(ClaudeCodeClient.class)).getModel()).isEqualTo("mine");
			});
	}

	private static ClaudeCodeOptions defaultOptions(ClaudeCodeClient client) {
		return ((CliClaudeCodeClient) client).getDefaultOptions();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		@Bean
		ClaudeCodeClient myClient() {
			return CliClaudeCodeClient.builder().defaultOptions(ClaudeCodeOptions.builder().model("mine").build()).build();
		}

	}

}
