package io.agentobs.claudecode.session.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.util.StreamUtils;

/**
 * Creates the session store's table with Boot's SQL initialization, as Spring Session JDBC
 * and Spring AI's JDBC chat memory do: the schema script of the database
 * ({@code schema-postgresql.sql}, {@code schema-h2.sql}), run for an embedded database only,
 * always, or never; a table name other than the default replaces the scripts' name.
 */
public class JdbcSessionStoreSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	private final String tableName;

	/**
	 * An initializer of the default table.
	 * @param dataSource the database
	 * @param mode when the scripts run
	 */
	public JdbcSessionStoreSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
		this(dataSource, mode, JdbcClaudeSessionStore.DEFAULT_TABLE_NAME);
	}

	/**
	 * An initializer of a table.
	 * @param dataSource the database
	 * @param mode when the scripts run
	 * @param tableName the table, {@code name} or {@code schema.name}
	 */
	public JdbcSessionStoreSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode,
			String tableName) {
		super(dataSource, settings(dataSource, mode));
		this.tableName = JdbcClaudeSessionStore.requireTableName(tableName);
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setSchemaLocations(
				new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource, JdbcClaudeSessionStore.SCHEMA_LOCATION));
		settings.setMode(mode);
		return settings;
	}

	@Override
	protected void runScripts(Scripts scripts) {
		if (JdbcClaudeSessionStore.DEFAULT_TABLE_NAME.equals(this.tableName)) {
			super.runScripts(scripts);
			return;
		}
		List<Resource> renamed = new ArrayList<>();
		for (Resource script : scripts) {
			renamed.add(new ByteArrayResource(withTableName(read(script, encoding(scripts))).getBytes(encoding(scripts)),
					script.getDescription()));
		}
		super.runScripts(new Scripts(renamed).continueOnError(scripts.isContinueOnError())
			.separator(scripts.getSeparator())
			.encoding(scripts.getEncoding()));
	}

	/**
	 * A script with the table's name: the table keeps its schema, the indexes are named after
	 * the table without it.
	 */
	String withTableName(String script) {
		String simpleName = this.tableName.substring(this.tableName.indexOf('.') + 1);
		return script.replaceAll(JdbcClaudeSessionStore.DEFAULT_TABLE_NAME + "(?=_)", simpleName)
			.replace(JdbcClaudeSessionStore.DEFAULT_TABLE_NAME, this.tableName);
	}

	private static Charset encoding(Scripts scripts) {
		return (scripts.getEncoding() != null) ? scripts.getEncoding() : StandardCharsets.UTF_8;
	}

	private static String read(Resource script, Charset encoding) {
		try {
			return StreamUtils.copyToString(script.getInputStream(), encoding);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The session store's schema script " + script + " could not be read", ex);
		}
	}

}
