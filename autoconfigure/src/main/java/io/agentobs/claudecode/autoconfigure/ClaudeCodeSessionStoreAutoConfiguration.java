package io.agentobs.claudecode.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import io.agentobs.claudecode.metrics.SessionStoreMeters;
import io.agentobs.claudecode.session.ClaudeSessionStore;
import io.agentobs.claudecode.session.ClaudeSessions;
import io.agentobs.claudecode.session.ProjectKeys;
import io.agentobs.claudecode.session.SessionMirrorListener;
import io.agentobs.claudecode.session.SessionRetentionCleaner;
import io.agentobs.claudecode.session.jdbc.JdbcClaudeSessionStore;
import io.agentobs.claudecode.session.jdbc.JdbcSessionStoreSchemaInitializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link AutoConfiguration Auto-configuration} of the session store
 * ({@code claude-code.sessions.store=jdbc}): a {@link JdbcClaudeSessionStore} on the
 * application's {@link DataSource}, its table created by a
 * {@link JdbcSessionStoreSchemaInitializer} ({@code claude-code.sessions.jdbc.initialize-schema})
 * and checked at start-up, and a retention cleanup.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration" },
		beforeName = "io.agentobs.claudecode.autoconfigure.ClaudeCodeClientAutoConfiguration")
@ConditionalOnProperty(prefix = "claude-code.sessions", name = "store", havingValue = "jdbc")
@EnableConfigurationProperties({ ClaudeCodeSessionsProperties.class, ClaudeCodeClientProperties.class })
public class ClaudeCodeSessionStoreAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcClient.class, org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer.class })
	static class JdbcSessionStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JdbcSessionStoreSchemaInitializer claudeCodeSessionStoreSchemaInitializer(ObjectProvider<DataSource> dataSource,
				ClaudeCodeSessionsProperties properties) {
			return new JdbcSessionStoreSchemaInitializer(requireDataSource(dataSource),
					properties.getJdbc().getInitializeSchema(), properties.getJdbc().getTableName());
		}

		@Bean
		@ConditionalOnMissingBean(ClaudeSessionStore.class)
		JdbcClaudeSessionStore claudeCodeSessionStore(ObjectProvider<DataSource> dataSource,
				ClaudeCodeSessionsProperties properties,
				ObjectProvider<JdbcSessionStoreSchemaInitializer> schemaInitializer) {
			// Created first: the table exists (or not) once the initializer has run
			schemaInitializer.getIfAvailable();
			JdbcClaudeSessionStore store = new JdbcClaudeSessionStore(requireDataSource(dataSource),
					properties.getJdbc().getTableName());
			store.verifyTable();
			return store;
		}

		private static DataSource requireDataSource(ObjectProvider<DataSource> dataSource) {
			DataSource available = dataSource.getIfUnique();
			if (available == null) {
				throw new IllegalStateException(
						"claude-code.sessions.store=jdbc needs one DataSource bean (spring.datasource.url), but there is none or more than one");
			}
			return available;
		}

	}

	@Bean
	@ConditionalOnBean(ClaudeSessionStore.class)
	@ConditionalOnMissingBean
	ClaudeSessions claudeCodeSessions(ClaudeSessionStore store, ClaudeCodeClientProperties clientProperties) {
		return new ClaudeSessions(store, ProjectKeys.ofWorkingDirectory(clientProperties.getWorkingDirectory()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class SessionStoreMetersConfiguration {

		@Bean
		@ConditionalOnMissingBean(SessionMirrorListener.class)
		SessionMirrorListener claudeCodeSessionStoreMeters(
				ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
			io.micrometer.core.instrument.MeterRegistry available = registry.getIfUnique();
			return (available != null) ? new SessionStoreMeters(available) : SessionMirrorListener.NONE;
		}

	}

	@Bean
	@ConditionalOnBean(ClaudeSessionStore.class)
	@ConditionalOnProperty(prefix = "claude-code.sessions", name = "retention")
	SessionRetentionCleaner claudeCodeSessionRetentionCleaner(ClaudeSessionStore store,
			ClaudeCodeSessionsProperties properties) {
		return new SessionRetentionCleaner(store, properties.getRetention(), Clock.systemUTC());
	}

}
