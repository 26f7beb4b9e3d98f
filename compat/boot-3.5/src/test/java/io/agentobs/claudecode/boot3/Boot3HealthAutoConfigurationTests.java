package io.agentobs.claudecode.boot3;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.agentobs.claudecode.actuate.McpServerStatuses;
import io.agentobs.claudecode.autoconfigure.ClaudeCodeClientAutoConfiguration;
import io.agentobs.claudecode.autoconfigure.ClaudeCodeSessionStoreAutoConfiguration;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Boot3SessionStoreHealthAutoConfiguration} and
 * {@link Boot3McpHealthAutoConfiguration}: on Spring Boot 3.5, the health indicators of the
 * auto-configuration module's Boot 4 tests ({@code ClaudeCodeSessionStoreAutoConfigurationTests},
 * {@code ClaudeCodeMcpHealthAutoConfigurationTests}), with the same names, details and
 * statuses. The Boot 4 auto-configurations are in the runner too: they stay out on Boot 3.5.
 */
@Tag("boot3-starter")
class Boot3HealthAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClaudeCodeClientAutoConfiguration.class,
				ClaudeCodeSessionStoreAutoConfiguration.class,
				io.agentobs.claudecode.autoconfigure.ClaudeCodeSessionStoreHealthAutoConfiguration.class,
				io.agentobs.claudecode.autoconfigure.ClaudeCodeMcpHealthAutoConfiguration.class,
				Boot3SessionStoreHealthAutoConfiguration.class, Boot3McpHealthAutoConfiguration.class));

	private static DataSource h2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	@Test
	void theSessionStoreIsUpWithItsTableAndDatabaseAndDownWhenTheTableIsGone() {
		this.runner.withBean(DataSource.class, Boot3HealthAutoConfigurationTests::h2)
			.withPropertyValues("claude-code.sessions.store=jdbc")
			.run((context) -> {
				assertThat(context).hasSingleBean(Boot3JdbcSessionStoreHealthIndicator.class);
				HealthIndicator indicator = context.getBean("claudeCodeSessionStoreHealthIndicator",
						HealthIndicator.class);
				assertThat(indicator).isInstanceOf(Boot3JdbcSessionStoreHealthIndicator.class);
				Health health = indicator.getHealth(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsOnlyKeys("table", "database")
					.containsEntry("table", "claude_code_session_entry")
					.containsEntry("database", "h2");

				JdbcClient.create(context.getBean(DataSource.class)).sql("DROP TABLE claude_code_session_entry").update();
				Health down = indicator.getHealth(true);
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(down.getDetails()).containsOnlyKeys("error");
				assertThat(down.getDetails().get("error").toString())
					.startsWith("org.springframework.jdbc.BadSqlGrammarException")
					.contains("claude_code_session_entry");
			});
	}

	@Test
	void noSessionStoreNoSessionStoreHealth() {
		this.runner.withBean(DataSource.class, Boot3HealthAutoConfigurationTests::h2)
			.run((context) -> assertThat(context).doesNotHaveBean("claudeCodeSessionStoreHealthIndicator"));
	}

	@Test
	void eachConfiguredServerHasItsHealthFromTheLatestInitMessage() {
		this.runner
			.withPropertyValues("claude-code.mcp-servers.probe.command=java",
					"claude-code.mcp-servers.missing.command=/nonexistent/server",
					"claude-code.mcp-servers.private.command=java")
			.run((context) -> {
				CompositeHealthContributor servers = context.getBean("claudeCodeMcpServersHealthContributor",
						CompositeHealthContributor.class);
				Health before = health(servers, "probe");
				assertThat(before.getStatus()).isEqualTo(Status.UNKNOWN);
				assertThat(before.getDetails()).containsOnly(Map.entry("status", "not reported yet"));
				McpServerStatuses statuses = context.getBean(McpServerStatuses.class);
				assertThat(((CliClaudeCodeClient) context.getBean(ClaudeCodeClient.class)).getDefaultOptions()
					.getMessageListener()).isSameAs(statuses);
				statuses.onMessage(new ClaudeMessageParser().parse("{\"type\":\"system\",\"subtype\":\"init\","
						+ "\"session_id\":\"s\",\"mcp_servers\":[{\"name\":\"probe\",\"status\":\"connected\"},"
						+ "{\"name\":\"missing\",\"status\":\"failed\"},{\"name\":\"private\",\"status\":\"needs-auth\"}]}"));
				assertThat(health(servers, "probe").getStatus()).isEqualTo(Status.UP);
				assertThat(health(servers, "probe").getDetails()).containsOnly(Map.entry("status", "connected"));
				assertThat(health(servers, "missing").getStatus()).isEqualTo(Status.DOWN);
				assertThat(health(servers, "missing").getDetails()).containsOnly(Map.entry("status", "failed"));
				assertThat(health(servers, "private").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			});
	}

	@Test
	void noServersNoHealth() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(McpServerStatuses.class)
				.doesNotHaveBean("claudeCodeMcpServersHealthContributor");
			assertThat(((CliClaudeCodeClient) context.getBean(ClaudeCodeClient.class)).getDefaultOptions()
				.getMessageListener()).isNull();
		});
	}

	@Test
	void theServersHealthCanBeTurnedOffLikeBootsOwn() {
		this.runner
			.withPropertyValues("claude-code.mcp-servers.probe.command=java",
					"management.health.claudeCodeMcpServers.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(McpServerStatuses.class)
				.doesNotHaveBean("claudeCodeMcpServersHealthContributor"));
	}

	private static Health health(CompositeHealthContributor servers, String name) {
		return ((HealthIndicator) servers.getContributor(name)).health();
	}

}
