package io.agentobs.claudecode.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without an {@code ANTHROPIC_API_KEY}, the agent talks to a scripted Anthropic Messages API
 * served on loopback: the real Claude Code CLI runs, its tools really execute, nothing leaves
 * the machine.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${ANTHROPIC_API_KEY:}' == ''")
class ScriptedApiConfiguration {

	@Bean(destroyMethod = "close")
	ScriptedAnthropicApi scriptedAnthropicApi() {
		return ScriptedAnthropicApi.start(Scenario.TOOL_AND_SUBAGENT);
	}

	@Bean(destroyMethod = "close")
	WorkingDirectory sampleWorkingDirectory() throws IOException {
		return new WorkingDirectory(Files.createTempDirectory("claude-code-sample"));
	}

	@Bean
	ClaudeCodeClient claudeCodeClient(ScriptedAnthropicApi api, WorkingDirectory workingDirectory) {
		return CliClaudeCodeClient.builder().defaultOptions(ClaudeCodeOptions.builder()
			.model("claude-sonnet-4-5")
			.workingDirectory(workingDirectory.path())
			.allowedTools(List.of("Bash", "Agent", "Task"))
			.environment(api.cliEnvironment())
			.build()).build();
	}

	/**
	 * The agent's working directory, deleted with the application context.
	 *
	 * @param path the directory
	 */
	record WorkingDirectory(Path path) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			try (Stream<Path> paths = Files.walk(this.path)) {
				for (Path entry : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
					Files.deleteIfExists(entry);
				}
			}
		}

	}

}
