package io.agentobs.claudecode.session.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.agentobs.claudecode.session.ClaudeSessionStore;
import io.agentobs.claudecode.session.SessionEntry;
import io.agentobs.claudecode.session.SessionKey;
import io.agentobs.claudecode.session.StoredSession;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link ClaudeSessionStore} in one table of a PostgreSQL or H2 database, through Spring's
 * {@link JdbcClient}: one row per entry, a batch in one transaction, idempotent by the
 * entry's {@code uuid} within its transcript (a unique index; PostgreSQL skips duplicates with
 * {@code ON CONFLICT DO NOTHING}, H2 with {@code MERGE}). The table is created by the schema
 * script of the database ({@value #SCHEMA_LOCATION}).
 */
public class JdbcClaudeSessionStore implements ClaudeSessionStore {

	/**
	 * The location of the schema scripts, with Boot's {@code @@platform@@} placeholder.
	 */
	public static final String SCHEMA_LOCATION = "classpath:io/agentobs/claudecode/session/jdbc/schema-@@platform@@.sql";

	/**
	 * The table of the schema scripts.
	 */
	public static final String DEFAULT_TABLE_NAME = "claude_code_session_entry";

	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

	private static final String MAIN_SUBPATH = "";

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbcClient;

	private final TransactionTemplate transactions;

	private final String tableName;

	private final JdbcSessionStoreDialect dialect;

	private final String insert;

	/**
	 * A store in a table of a database.
	 * @param dataSource the database
	 * @param tableName the table, {@code name} or {@code schema.name}
	 * @throws IllegalArgumentException when the table name is not a plain SQL identifier
	 * @throws IllegalStateException when the database is neither PostgreSQL nor H2
	 */
	public JdbcClaudeSessionStore(DataSource dataSource, String tableName) {
		this.tableName = requireTableName(tableName);
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.jdbcClient = JdbcClient.create(this.jdbcTemplate);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.dialect = JdbcSessionStoreDialect.of(databaseProductName(dataSource));
		this.insert = this.dialect.insert(this.tableName);
	}

	static String requireTableName(String tableName) {
		if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
			throw new IllegalArgumentException(
					"claude-code.sessions.jdbc.table-name must be an SQL identifier (letters, digits, _; optionally schema.table), but was '"
							+ tableName + "'");
		}
		return tableName;
	}

	private static String databaseProductName(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The session store could not read which database its DataSource is", ex);
		}
	}

	/**
	 * Checks that the table exists.
	 * @throws IllegalStateException naming the table when it does not
	 */
	public void verifyTable() {
		try {
			ping();
		}
		catch (DataAccessException ex) {
			throw new IllegalStateException("The session store's table '" + this.tableName
					+ "' is missing or unreadable: create it with " + SCHEMA_LOCATION.replace("@@platform@@", platform())
					+ " or set claude-code.sessions.jdbc.initialize-schema=always", ex);
		}
	}

	/**
	 * The table the entries are stored in.
	 * @return the table name
	 */
	public String getTableName() {
		return this.tableName;
	}

	/**
	 * The database platform, as in the schema script names ({@code postgresql}, {@code h2}).
	 * @return the platform
	 */
	public String platform() {
		return this.dialect.name().toLowerCase(Locale.ROOT);
	}

	@Override
	public void append(SessionKey key, List<SessionEntry> entries) {
		Objects.requireNonNull(key, "key");
		if (entries.isEmpty()) {
			return;
		}
		String subpath = subpath(key);
		this.transactions.executeWithoutResult((status) -> this.jdbcTemplate.batchUpdate(this.insert, entries,
				entries.size(), (PreparedStatement statement, SessionEntry entry) -> {
					statement.setString(1, key.projectKey());
					statement.setString(2, key.sessionId());
					statement.setString(3, subpath);
					statement.setString(4, entry.uuid());
					statement.setString(5, entry.type());
					statement.setString(6, entry.json());
				}));
	}

	@Override
	public Optional<List<SessionEntry>> load(SessionKey key) {
		List<SessionEntry> entries = this.jdbcClient
			.sql("SELECT entry_type, entry_uuid, " + this.dialect.entryColumn() + " FROM " + this.tableName
					+ " WHERE project_key = ? AND session_id = ? AND subpath = ? ORDER BY id")
			.params(key.projectKey(), key.sessionId(), subpath(key))
			.query((rs, row) -> new SessionEntry(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		return entries.isEmpty() ? Optional.empty() : Optional.of(entries);
	}

	@Override
	public boolean contains(SessionKey key) {
		return this.jdbcClient
			.sql("SELECT CASE WHEN EXISTS (SELECT 1 FROM " + this.tableName
					+ " WHERE project_key = ? AND session_id = ? AND subpath = ?) THEN 1 ELSE 0 END")
			.params(key.projectKey(), key.sessionId(), subpath(key))
			.query(Integer.class)
			.single() == 1;
	}

	@Override
	public List<StoredSession> listSessions(String projectKey) {
		return this.jdbcClient
			.sql("SELECT session_id, MAX(created_at) AS last_modified FROM " + this.tableName
					+ " WHERE project_key = ? GROUP BY session_id ORDER BY last_modified DESC")
			.param(projectKey)
			.query((rs, row) -> new StoredSession(projectKey, rs.getString(1), instant(rs.getTimestamp(2))))
			.list();
	}

	@Override
	public List<String> listSubpaths(String projectKey, String sessionId) {
		return this.jdbcClient
			.sql("SELECT DISTINCT subpath FROM " + this.tableName
					+ " WHERE project_key = ? AND session_id = ? AND subpath <> '' ORDER BY subpath")
			.params(projectKey, sessionId)
			.query(String.class)
			.list();
	}

	@Override
	public void delete(SessionKey key) {
		if (key.isMain()) {
			this.jdbcClient.sql("DELETE FROM " + this.tableName + " WHERE project_key = ? AND session_id = ?")
				.params(key.projectKey(), key.sessionId())
				.update();
		}
		else {
			this.jdbcClient
				.sql("DELETE FROM " + this.tableName + " WHERE project_key = ? AND session_id = ? AND subpath = ?")
				.params(key.projectKey(), key.sessionId(), key.subpath())
				.update();
		}
	}

	@Override
	public int deleteSessionsOlderThan(Instant cutoff) {
		List<StoredSession> expired = this.jdbcClient
			.sql("SELECT project_key, session_id, MAX(created_at) FROM " + this.tableName
					+ " GROUP BY project_key, session_id HAVING MAX(created_at) < ?")
			.param(Timestamp.from(cutoff))
			.query((rs, row) -> new StoredSession(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3))))
			.list();
		for (StoredSession session : expired) {
			delete(SessionKey.main(session.projectKey(), session.sessionId()));
		}
		return expired.size();
	}

	/**
	 * Checks that the database answers and the table is readable (the health check).
	 * @throws DataAccessException when not
	 */
	public void ping() {
		this.jdbcClient.sql("SELECT COUNT(*) FROM " + this.tableName + " WHERE 1 = 0").query(Long.class).single();
	}

	private static String subpath(SessionKey key) {
		return (key.subpath() != null) ? key.subpath() : MAIN_SUBPATH;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : Instant.EPOCH;
	}

}
