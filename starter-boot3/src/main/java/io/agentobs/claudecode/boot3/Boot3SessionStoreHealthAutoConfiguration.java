package io.agentobs.claudecode.boot3;

import io.agentobs.claudecode.autoconfigure.ClaudeCodeSessionStoreAutoConfiguration;
import io.agentobs.claudecode.session.jdbc.JdbcClaudeSessionStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} of the health indicator of the JDBC session
 * store on Spring Boot 3.5's Actuator, named {@code claudeCodeSessionStore} as Boot 4's
 * ({@code ClaudeCodeSessionStoreHealthAutoConfiguration}).
 */
@AutoConfiguration(after = ClaudeCodeSessionStoreAutoConfiguration.class,
		afterName = "io.agentobs.claudecode.autoconfigure.ClaudeCodeSessionStoreHealthAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnBean(JdbcClaudeSessionStore.class)
public class Boot3SessionStoreHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "claudeCodeSessionStoreHealthIndicator")
	Boot3JdbcSessionStoreHealthIndicator claudeCodeSessionStoreHealthIndicator(JdbcClaudeSessionStore store) {
		return new Boot3JdbcSessionStoreHealthIndicator(store);
	}

}
