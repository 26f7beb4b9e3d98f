package io.agentobs.claudecode.session.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health check of the JDBC session store, the same on every Spring Boot line (each
 * line's health indicator reports it): up when the store's table answers a query, with the
 * table and the database platform as details; down, with the error, when the query fails.
 */
public class JdbcSessionStoreHealth {

	/**
	 * The message logged when the check fails.
	 */
	public static final String FAILURE_MESSAGE = "The Claude Code session store's health check failed";

	private final JdbcClaudeSessionStore store;

	public JdbcSessionStoreHealth(JdbcClaudeSessionStore store) {
		this.store = store;
	}

	/**
	 * Queries the store's table.
	 * @return the details of a healthy store: {@code table} and {@code database}
	 * @throws org.springframework.dao.DataAccessException when the table does not answer (the
	 * store is down)
	 */
	public Map<String, Object> check() {
		this.store.ping();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("table", this.store.getTableName());
		details.put("database", this.store.platform());
		return details;
	}

}
