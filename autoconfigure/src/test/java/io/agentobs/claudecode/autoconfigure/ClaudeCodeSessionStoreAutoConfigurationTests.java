package io.agentobs.claudecode.autoconfigure;

import java.util.UUID;

import javax.sql.DataSource;

import io.agentobs.claudecode.session.ClaudeSessionStore;
import io.agentobs.claudecode.session.SessionRetentionCleaner;
import io.agentobs.claudecode.session.jdbc.JdbcClaudeSessionStore;
import io.agentobs.claudecode.session.jdbc.JdbcSessionStoreHealthIndicator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClaudeCodeSessionStoreAutoConfiguration}.
 */
class ClaudeCodeSessionStoreAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClaudeCodeSessionStoreAutoConfiguration.class,
				ClaudeCodeSessionStoreHealthAutoConfiguration.class));

	private static DataSource h2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	@Test
	void noStoreByDefault() {
		this.runner.withBean(DataSource.class, ClaudeCodeSessionStoreAutoConfigurationTests::h2)
			.run((context) -> assertThat(context).doesNotHaveBean(ClaudeSessionStore.class));
	}

	@Test
	void jdbcCreatesTheTableOfAnEmbeddedDatabaseAndReportsItsHealth() {
		this.runner.withBean(DataSource.class, ClaudeCodeSessionStoreAutoConfigurationTests::h2)
			.withPropertyValues("claude-code.sessions.store=jdbc")
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcClaudeSessionStore.class)
					.doesNotHaveBean(SessionRetentionCleaner.class);
				assertThat(JdbcClient.create(context.getBean(DataSource.class))
					.sql("SELECT COUNT(*) FROM claude_code_session_entry")
					.query(Long.class)
					.single()).isZero();
				Health health = context.getBean(JdbcSessionStoreHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("table", "claude_code_session_entry")
					.containsEntry("database", "h2");
			});
	}

	@Test
	void aTableNameOfItsOwnAndARetention() {
		this.runner.withBean(DataSource.class, ClaudeCodeSessionStoreAutoConfigurationTests::h2)
			.withPropertyValues("claude-code.sessions.store=jdbc", "claude-code.sessions.jdbc.table-name=agent_turns",
					"claude-code.sessions.retention=30d")
			.run((context) -> {
				assertThat(context.getBean(JdbcClaudeSessionStore.class).getTableName()).isEqualTo("agent_turns");
				assertThat(context).hasSingleBean(SessionRetentionCleaner.class);
				assertThat(context.getBean(SessionRetentionCleaner.class).isRunning()).isTrue();
			});
	}

	@Test
	void aMissingTableWithInitializeSchemaNeverFailsAtStartUpNamingTheTable() {
		this.runner.withBean(DataSource.class, ClaudeCodeSessionStoreAutoConfigurationTests::h2)
			.withPropertyValues("claude-code.sessions.store=jdbc", "claude-code.sessions.jdbc.initialize-schema=never")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isNotNull()
				.satisfies((ex) -> assertThat(context.getStartupFailure())
					.hasStackTraceContaining("The session store's table 'claude_code_session_entry' is missing")
					.hasStackTraceContaining("claude-code.sessions.jdbc.initialize-schema=always")));
	}

	@Test
	void aTableNameThatIsNotAnIdentifierIsRefusedNamingTheProperty() {
		this.runner.withBean(DataSource.class, ClaudeCodeSessionStoreAutoConfigurationTests::h2)
			.withPropertyValues("claude-code.sessions.store=jdbc",
					"claude-code.sessions.jdbc.table-name=entries; DROP TABLE users")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("claude-code.sessions.jdbc.table-name must be an SQL identifier"));
	}

	@Test
	void jdbcWithoutADataSourceFailsNamingTheProperty() {
		this.runner.withPropertyValues("claude-code.sessions.store=jdbc")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("claude-code.sessions.store=jdbc needs one DataSource bean"));
	}

}
