package io.agentobs.claudecode.boot3;

import io.agentobs.claudecode.session.jdbc.JdbcClaudeSessionStore;
import io.agentobs.claudecode.session.jdbc.JdbcSessionStoreHealth;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The health of the JDBC session store on Spring Boot 3.5's Actuator, as
 * {@link JdbcSessionStoreHealth} checks it: up when its table answers a query, with the table
 * and the database platform as details, down with the error otherwise.
 */
public class Boot3JdbcSessionStoreHealthIndicator extends AbstractHealthIndicator {

	private final JdbcSessionStoreHealth health;

	public Boot3JdbcSessionStoreHealthIndicator(JdbcClaudeSessionStore store) {
		super(JdbcSessionStoreHealth.FAILURE_MESSAGE);
		this.health = new JdbcSessionStoreHealth(store);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetails(this.health.check());
	}

}
