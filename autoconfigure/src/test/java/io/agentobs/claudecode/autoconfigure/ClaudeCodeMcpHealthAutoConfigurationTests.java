package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.actuate.McpServerStatuses;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClaudeCodeMcpHealthAutoConfiguration}.
 */
class ClaudeCodeMcpHealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ClaudeCodeClientAutoConfiguration.class, ClaudeCodeMcpHealthAutoConfiguration.class));

	@Test
	void eachConfiguredServerHasItsHealthFromTheLatestInitMessage() {
		this.contextRunner
			.withPropertyValues("claude-code.mcp-servers.probe.command=java",
					"claude-code.mcp-servers.missing.command=/nonexistent/server")
			.run((context) -> {
				CompositeHealthContributor servers = context.getBean("claudeCodeMcpServersHealthContributor",
						CompositeHealthContributor.class);
				assertThat(status(servers, "probe")).isEqualTo(Status.UNKNOWN);
				McpServerStatuses statuses = context.getBean(McpServerStatuses.class);
				assertThat(((CliClaudeCodeClient) context.getBean(ClaudeCodeClient.class)).getDefaultOptions()
					.getMessageListener()).isSameAs(statuses);
				statuses.onMessage(new ClaudeMessageParser().parse("{\"type\":\"system\",\"subtype\":\"init\","
						+ "\"session_id\":\"s\",\"mcp_servers\":[{\"name\":\"probe\",\"status\":\"connected\"},"
						+ "{\"name\":\"missing\",\"status\":\"failed\"}]}"));
				assertThat(status(servers, "probe")).isEqualTo(Status.UP);
				assertThat(status(servers, "missing")).isEqualTo(Status.DOWN);
			});
	}

	@Test
	void noServersNoHealth() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(McpServerStatuses.class)
				.doesNotHaveBean("claudeCodeMcpServersHealthContributor");
			assertThat(((CliClaudeCodeClient) context.getBean(ClaudeCodeClient.class)).getDefaultOptions()
				.getMessageListener()).isNull();
		});
	}

	private static Status status(CompositeHealthContributor servers, String name) {
		return ((HealthIndicator) servers.getContributor(name)).health().getStatus();
	}

}
