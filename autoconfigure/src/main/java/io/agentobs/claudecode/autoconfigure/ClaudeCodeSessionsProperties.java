package io.agentobs.claudecode.autoconfigure;

import java.time.Duration;

import io.agentobs.claudecode.session.jdbc.JdbcClaudeSessionStore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Configuration properties of the session store that lets conversations outlive one
 * instance.
 */
@ConfigurationProperties("claude-code.sessions")
public class ClaudeCodeSessionsProperties {

	/**
	 * Where session transcripts are stored besides the CLI's config directory: jdbc (the
	 * application's DataSource) or none.
	 */
	private Store store = Store.NONE;

	/**
	 * How long a stored session is kept after its last entry; unset keeps sessions forever.
	 */
	private Duration retention;

	private final Jdbc jdbc = new Jdbc();

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	/**
	 * The kinds of session store.
	 */
	public enum Store {

		/**
		 * Transcripts in a table of the application's DataSource.
		 */
		JDBC,

		/**
		 * No store: sessions live in the CLI's config directory only.
		 */
		NONE

	}

	/**
	 * The JDBC session store.
	 */
	public static class Jdbc {

		/**
		 * When the table is created: embedded (embedded databases only), always or never.
		 */
		private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

		/**
		 * Name of the table of the transcript entries, optionally schema-qualified.
		 */
		private String tableName = JdbcClaudeSessionStore.DEFAULT_TABLE_NAME;

		public DatabaseInitializationMode getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public String getTableName() {
			return this.tableName;
		}

		public void setTableName(String tableName) {
			this.tableName = tableName;
		}

	}

}
