package io.agentobs.claudecode.session.jdbc;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of the JDBC session store on Spring Boot 4's health module, as
 * {@link JdbcSessionStoreHealth} checks it: up when its table answers a query, with the table
 * and the database platform as details, down with the error otherwise.
 */
public class JdbcSessionStoreHealthIndicator extends AbstractHealthIndicator {

	private final JdbcSessionStoreHealth health;

	public JdbcSessionStoreHealthIndicator(JdbcClaudeSessionStore store) {
		super(JdbcSessionStoreHealth.FAILURE_MESSAGE);
		this.health = new JdbcSessionStoreHealth(store);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetails(this.health.check());
	}

}
