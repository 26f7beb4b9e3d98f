package io.agentobs.claudecode.session.jdbc;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * The session store contract on H2, in a table of its own name.
 */
class H2JdbcClaudeSessionStoreTests extends JdbcClaudeSessionStoreContractTests {

	@Override
	protected DataSource createDataSource() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	@Override
	protected String tableName() {
		return "agent_transcript";
	}

}
