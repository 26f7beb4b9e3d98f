package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.session.jdbc.JdbcClaudeSessionStore;
import io.agentobs.claudecode.session.jdbc.JdbcSessionStoreHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} of the health indicator of the JDBC session
 * store (Boot 4's health module).
 */
@AutoConfiguration(after = ClaudeCodeSessionStoreAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(JdbcClaudeSessionStore.class)
public class ClaudeCodeSessionStoreHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "claudeCodeSessionStoreHealthIndicator")
	JdbcSessionStoreHealthIndicator claudeCodeSessionStoreHealthIndicator(JdbcClaudeSessionStore store) {
		return new JdbcSessionStoreHealthIndicator(store);
	}

}
