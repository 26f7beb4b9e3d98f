package io.agentobs.claudecode.session.jdbc;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of the JDBC session store: up when its table answers a query, with the table
 * and the database platform as details.
 */
public class JdbcSessionStoreHealthIndicator extends AbstractHealthIndicator {

	private final JdbcClaudeSessionStore store;

	public JdbcSessionStoreHealthIndicator(JdbcClaudeSessionStore store) {
		super("The Claude Code session store's health check failed");
		this.store = store;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.store.ping();
		builder.up().withDetail("table", this.store.getTableName()).withDetail("database", this.store.platform());
	}

}
