package io.agentobs.claudecode.session.jdbc;

import javax.sql.DataSource;

import io.agentobs.claudecode.testsupport.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The session store contract on a real PostgreSQL server, in the default table.
 */
class PostgresJdbcClaudeSessionStoreTests extends JdbcClaudeSessionStoreContractTests {

	@RegisterExtension
	static final PostgresServer postgres = new PostgresServer();

	@Override
	protected DataSource createDataSource() {
		return postgres.dataSource();
	}

}
