package io.agentobs.claudecode.client;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.control.ClaudeControlListener;
import io.agentobs.claudecode.client.control.ClaudeHook;
import io.agentobs.claudecode.client.control.HookEvent;
import io.agentobs.claudecode.client.control.HookOutput;
import io.agentobs.claudecode.client.control.PermissionDecision;
import io.agentobs.claudecode.client.control.SdkMcpCallContext;
import io.agentobs.claudecode.client.control.SdkMcpServer;
import io.agentobs.claudecode.client.options.AgentDefinition;
import io.agentobs.claudecode.client.options.McpServerConfig;
import io.agentobs.claudecode.client.options.SessionOptions;
import io.agentobs.claudecode.client.options.SystemPromptPreset;
import io.agentobs.claudecode.client.options.Thinking;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClaudeCodeOptions}.
 */
class ClaudeCodeOptionsTests {

	private final ClaudeCodeOptions defaults = ClaudeCodeOptions.builder()
		.cliPath(Path.of("/opt/claude"))
		.model("claude-sonnet-4-5")
		.allowedTools(List.of("Bash"))
		.maxTurns(5)
		.includePartialMessages(true)
		.environment(Map.of("ANTHROPIC_API_KEY", "sk-secret", "SHARED", "default"))
		.idleTimeout(Duration.ofMinutes(10))
		.build();

	@Test
	void mergeKeepsUnsetFieldsAndCombinesEnvironments() {
		ClaudeCodeOptions merged = this.defaults.merge(ClaudeCodeOptions.builder()
			.environment(Map.of("TRACEPARENT", "00-abc-def-01", "SHARED", "call"))
			.build());
		assertThat(merged).isEqualTo(this.defaults.toBuilder()
			.environment(Map.of("ANTHROPIC_API_KEY", "sk-secret", "SHARED", "call", "TRACEPARENT", "00-abc-def-01"))
			.build());
	}

	@Test
	void mergeLetsSetFieldsWin() {
		ClaudeCodeOptions merged = this.defaults.merge(ClaudeCodeOptions.builder()
			.model("claude-haiku-4-5")
			.allowedTools(List.of())
			.includePartialMessages(false)
			.runTimeout(Duration.ofSeconds(30))
			.build());
		assertThat(merged.getModel()).isEqualTo("claude-haiku-4-5");
		assertThat(merged.getAllowedTools()).isEmpty();
		assertThat(merged.getIncludePartialMessages()).isFalse();
		assertThat(merged.getRunTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(merged.getMaxTurns()).isEqualTo(5);
		assertThat(merged.getCliPath()).isEqualTo(Path.of("/opt/claude"));
	}

	@Test
	void mergeWithNullIsIdentity() {
		assertThat(this.defaults.merge(null)).isSameAs(this.defaults);
	}

	@Test
	void toBuilderCopiesEveryField() {
		ClaudeCodeOptions all = this.defaults.toBuilder()
			.workingDirectory(Path.of("/srv"))
			.disallowedTools(List.of("WebFetch"))
			.permissionMode("acceptEdits")
			.systemPrompt("s")
			.appendSystemPrompt("a")
			.runTimeout(Duration.ofSeconds(1))
			.session(SessionOptions.withId("0b6f3f4e-2a4d-4c6e-9f57-1c2d3e4f5a6b"))
			.persistSession(false)
			.outputSchema("{}")
			.maxBudgetUsd(BigDecimal.ONE)
			.fallbackModel("f")
			.effort("low")
			.thinking(Thinking.adaptive())
			.tools(List.of())
			.settingSources(List.of("user"))
			.settings(Map.of("k", "v"))
			.additionalDirectories(List.of(Path.of("/a")))
			.agents(Map.of("a", AgentDefinition.of("d", "p")))
			.agent("a")
			.mcpServers(Map.of("m", McpServerConfig.stdio("c", List.of(), Map.of())))
			.strictMcpConfig(true)
			.forwardSubagentText(true)
			.includeHookEvents(true)
			.plugins(List.of(Path.of("/p")))
			.betas(List.of("b"))
			.systemPromptPreset(SystemPromptPreset.CLAUDE_CODE)
			.extraArgs(Map.of("x", "y"))
			.messageListener((message) -> {
			})
			.sdkMcpServers(List.of(new NoOpSdkMcpServer()))
			.permissionHandler((request) -> PermissionDecision.allow())
			.hooks(List.of(ClaudeHook.of(HookEvent.STOP, null, (input) -> HookOutput.proceed())))
			.controlListener(new ClaudeControlListener() {
			})
			.processListener(new ClaudeProcessListener() {
			})
			.processPerTurn(true)
			.permissionTimeout(Duration.ofSeconds(2))
			.controlRequestTimeout(Duration.ofSeconds(3))
			.build();
		assertThat(all.toBuilder().build()).isEqualTo(all).hasSameHashCodeAs(all);
		assertThat(all.toBuilder().extraArgs(null).build()).isNotEqualTo(all);
		assertThat(all.toBuilder().betas(null).build()).isNotEqualTo(all);
		assertThat(ClaudeCodeOptions.empty().merge(all)).isEqualTo(all);
	}

	@Test
	void toStringShowsNamesButNoSecretValue() {
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.mcpServers(Map.of("m", McpServerConfig.http("https://x", Map.of("Authorization", "Bearer sk-secret"))))
			.settings(Map.of("env", Map.of("TOKEN", "sk-secret")))
			.extraArgs(Map.of("token", "sk-secret"))
			.build();
		assertThat(options.toString()).contains("Authorization").contains("settings=[env]").doesNotContain("sk-secret");
	}

	@Test
	void toStringShowsEnvironmentNamesButNotValues() {
		assertThat(this.defaults.toString()).contains("ANTHROPIC_API_KEY")
			.contains("SHARED")
			.doesNotContain("sk-secret")
			.doesNotContain("default");
	}

	private static final class NoOpSdkMcpServer implements SdkMcpServer {

		@Override
		public String name() {
			return "app";
		}

		@Override
		public JsonNode handle(JsonNode message, SdkMcpCallContext context) {
			return null;
		}

	}

}
