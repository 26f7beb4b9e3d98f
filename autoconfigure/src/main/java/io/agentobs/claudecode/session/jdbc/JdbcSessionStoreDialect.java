package io.agentobs.claudecode.session.jdbc;

import java.util.Locale;

/**
 * The SQL that differs between the databases the JDBC session store supports: how an entry
 * is written without storing its {@code uuid} twice, and how the JSON column is read and
 * written.
 */
enum JdbcSessionStoreDialect {

	/**
	 * PostgreSQL: entries as {@code jsonb}, duplicates skipped by {@code ON CONFLICT DO NOTHING}.
	 */
	POSTGRESQL {

		@Override
		String insert(String table) {
			return "INSERT INTO " + table + " (project_key, session_id, subpath, entry_uuid, entry_type, entry)"
					+ " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT DO NOTHING";
		}

		@Override
		String entryColumn() {
			return "entry::text";
		}

	},

	/**
	 * H2: entries as text, duplicates skipped by a {@code MERGE} that only inserts.
	 */
	H2 {

		@Override
		String insert(String table) {
			return "MERGE INTO " + table + " t USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
					+ " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS CLOB)))"
					+ " s (project_key, session_id, subpath, entry_uuid, entry_type, entry)"
					+ " ON t.project_key = s.project_key AND t.session_id = s.session_id"
					+ " AND t.subpath = s.subpath AND t.entry_uuid = s.entry_uuid"
					+ " WHEN NOT MATCHED THEN INSERT (project_key, session_id, subpath, entry_uuid, entry_type, entry)"
					+ " VALUES (s.project_key, s.session_id, s.subpath, s.entry_uuid, s.entry_type, s.entry)";
		}

		@Override
		String entryColumn() {
			return "entry";
		}

	};

	/**
	 * The statement that stores one entry unless its key holds its {@code uuid}; parameters:
	 * project key, session id, subpath, uuid, type, entry JSON.
	 * @param table the table
	 * @return the statement
	 */
	abstract String insert(String table);

	/**
	 * The select expression that reads an entry as JSON text.
	 * @return the expression
	 */
	abstract String entryColumn();

	/**
	 * The dialect of a database product.
	 * @param databaseProductName the JDBC driver's database product name
	 * @return the dialect
	 * @throws IllegalStateException for a database without one
	 */
	static JdbcSessionStoreDialect of(String databaseProductName) {
		String name = databaseProductName.toLowerCase(Locale.ROOT);
		if (name.contains("postgres")) {
			return POSTGRESQL;
		}
		if (name.equals("h2")) {
			return H2;
		}
		throw new IllegalStateException("The JDBC session store supports PostgreSQL and H2, not " + databaseProductName);
	}

}
