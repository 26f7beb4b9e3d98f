package io.agentobs.claudecode.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
			.build();
		assertThat(all.toBuilder().build()).isEqualTo(all).hasSameHashCodeAs(all);
		assertThat(ClaudeCodeOptions.empty().merge(all)).isEqualTo(all);
	}

	@Test
	void toStringShowsEnvironmentNamesButNotValues() {
		assertThat(this.defaults.toString()).contains("ANTHROPIC_API_KEY")
			.contains("SHARED")
			.doesNotContain("sk-secret")
			.doesNotContain("default");
	}

}
