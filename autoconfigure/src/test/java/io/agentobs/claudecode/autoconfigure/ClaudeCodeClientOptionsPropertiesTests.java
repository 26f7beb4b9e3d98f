package io.agentobs.claudecode.autoconfigure;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.options.AgentDefinition;
import io.agentobs.claudecode.client.options.McpServerConfig;
import io.agentobs.claudecode.client.options.SystemPromptPreset;
import io.agentobs.claudecode.client.options.Thinking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code claude-code.*} properties of issue 17 bound into the client's
 * options by {@link ClaudeCodeClientAutoConfiguration}.
 */
class ClaudeCodeClientOptionsPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClaudeCodeClientAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void everyPropertyReachesTheOptions() throws Exception {
		Path schema = Files.writeString(this.directory.resolve("schema.json"), "{\"type\":\"object\"}");
		Path prompt = Files.writeString(this.directory.resolve("reviewer.md"), "You review code.");
		this.contextRunner.withUserConfiguration(AgentBeanConfiguration.class)
			.withPropertyValues("claude-code.persist-session=false", "claude-code.output-schema=file:" + schema,
					"claude-code.max-budget-usd=0.25", "claude-code.fallback-model=claude-haiku-4-5",
					"claude-code.effort=high", "claude-code.thinking.type=enabled",
					"claude-code.thinking.budget-tokens=4096", "claude-code.thinking.display=summarized",
					"claude-code.tools=", "claude-code.setting-sources=",
					"claude-code.settings.permissions.deny[0]=WebFetch", "claude-code.settings.sandbox.enabled=true",
					"claude-code.additional-directories=/srv/a,/srv/b",
					"claude-code.agents.reviewer.description=Reviews code",
					"claude-code.agents.reviewer.prompt-resource=file:" + prompt,
					"claude-code.agents.reviewer.tools=Read,Grep", "claude-code.agents.reviewer.model=sonnet",
					"claude-code.agents.reviewer.max-turns=4", "claude-code.agent=reviewer",
					"claude-code.mcp-servers.probe.command=java", "claude-code.mcp-servers.probe.args=-jar,probe.jar",
					"claude-code.mcp-servers.probe.env.TOKEN=t", "claude-code.mcp-servers.remote.type=http",
					"claude-code.mcp-servers.remote.url=https://mcp.example/mcp",
					"claude-code.mcp-servers.remote.headers.Authorization=Bearer t", "claude-code.strict-mcp-config=true",
					"claude-code.forward-subagent-text=true", "claude-code.include-hook-events=true",
					"claude-code.plugins=/opt/plugin.zip", "claude-code.betas=b-1",
					"claude-code.system-prompt-preset=claude-code",
					"claude-code.extra-args.exclude-dynamic-system-prompt-sections=")
			.run((context) -> {
				ClaudeCodeOptions options = defaultOptions(context.getBean(ClaudeCodeClient.class));
				assertThat(options.getPersistSession()).isFalse();
				assertThat(options.getOutputSchema()).isEqualTo("{\"type\":\"object\"}");
				assertThat(options.getMaxBudgetUsd()).isEqualTo(new BigDecimal("0.25"));
				assertThat(options.getFallbackModel()).isEqualTo("claude-haiku-4-5");
				assertThat(options.getEffort()).isEqualTo("high");
				assertThat(options.getThinking()).isEqualTo(new Thinking(Thinking.Type.ENABLED, 4096, "summarized"));
				assertThat(options.getTools()).isEmpty();
				assertThat(options.getSettingSources()).isEmpty();
				assertThat(options.getSettings()).isEqualTo(
						Map.of("permissions", Map.of("deny", List.of("WebFetch")), "sandbox", Map.of("enabled", true)));
				assertThat(options.getAdditionalDirectories()).containsExactly(Path.of("/srv/a"), Path.of("/srv/b"));
				assertThat(options.getAgents()).containsExactly(
						Map.entry("reviewer",
								new AgentDefinition("Reviews code", "You review code.", List.of("Read", "Grep"), null,
										"sonnet", 4)),
						Map.entry("tester", AgentDefinition.of("Writes tests", "You write tests.")));
				assertThat(options.getAgent()).isEqualTo("reviewer");
				assertThat(options.getMcpServers()).containsExactly(
						Map.entry("probe", McpServerConfig.stdio("java", List.of("-jar", "probe.jar"), Map.of("TOKEN", "t"))),
						Map.entry("remote",
								McpServerConfig.http("https://mcp.example/mcp", Map.of("Authorization", "Bearer t"))));
				assertThat(options.getStrictMcpConfig()).isTrue();
				assertThat(options.getForwardSubagentText()).isTrue();
				assertThat(options.getIncludeHookEvents()).isTrue();
				assertThat(options.getPlugins()).containsExactly(Path.of("/opt/plugin.zip"));
				assertThat(options.getBetas()).containsExactly("b-1");
				assertThat(options.getSystemPromptPreset()).isEqualTo(SystemPromptPreset.CLAUDE_CODE);
				assertThat(options.getExtraArgs()).containsExactly(Map.entry("exclude-dynamic-system-prompt-sections", ""));
			});
	}

	@Test
	void anUnreadableSchemaFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("claude-code.output-schema=file:" + this.directory.resolve("missing.json"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("claude-code.output-schema")
				.hasMessageContaining("cannot be read"));
	}

	@Test
	void aSchemaThatIsNoJsonFailsNamingTheProperty() throws Exception {
		Path schema = Files.writeString(this.directory.resolve("schema.json"), "type: object");
		this.contextRunner.withPropertyValues("claude-code.output-schema=file:" + schema)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("claude-code.output-schema"));
	}

	@Test
	void anAgentWithoutDescriptionOrPromptFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("claude-code.agents.reviewer.prompt=You review.")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("claude-code.agents.reviewer.description"));
		this.contextRunner.withPropertyValues("claude-code.agents.reviewer.description=Reviews")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("claude-code.agents.reviewer.prompt"));
	}

	@Test
	void badMcpServersAndExtraArgumentsFailNamingTheProperty() {
		this.contextRunner.withPropertyValues("claude-code.mcp-servers.remote.type=http")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("claude-code.mcp-servers.remote.url"));
		this.contextRunner.withPropertyValues("claude-code.extra-args[x y]=1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("claude-code.extra-args"));
	}

	private static ClaudeCodeOptions defaultOptions(ClaudeCodeClient client) {
		return ((CliClaudeCodeClient) client).getDefaultOptions();
	}

	@Configuration(proxyBeanMethods = false)
	static class AgentBeanConfiguration {

		@Bean
		AgentDefinition tester() {
			return AgentDefinition.of("Writes tests", "You write tests.");
		}

	}

}
