package io.agentobs.claudecode.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.agentobs.claudecode.session.SessionEntry;
import io.agentobs.claudecode.session.SessionKey;
import io.agentobs.claudecode.session.jdbc.JdbcClaudeSessionStore;
import io.agentobs.claudecode.session.jdbc.JdbcSessionStoreSchemaInitializer;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * The JDBC session store: appending a batch of 20 transcript entries (about 1 KB each, the
 * size of a turn's frames) and resuming a 200-entry session (loading it and writing the JSONL
 * file the CLI resumes from). {@code -p database=postgresql} uses the server at
 * {@code -Dbenchmark.postgres.url} through a HikariCP pool (user {@code postgres}, see
 * docs/benchmarks.md for the commands that start one); {@code h2} an in-memory H2.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SessionStoreBenchmark {

	private static final String PROJECT = "-srv-app";

	@Param({ "postgresql", "h2" })
	public String database;

	private JdbcClaudeSessionStore store;

	private List<SessionEntry> batch;

	private SessionKey resumable;

	private Path resumeFile;

	private HikariDataSource pool;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		DataSource dataSource = dataSource();
		new JdbcSessionStoreSchemaInitializer(dataSource, DatabaseInitializationMode.ALWAYS).initializeDatabase();
		this.store = new JdbcClaudeSessionStore(dataSource, JdbcClaudeSessionStore.DEFAULT_TABLE_NAME);
		this.batch = entries(20);
		this.resumable = SessionKey.main(PROJECT, UUID.randomUUID().toString());
		for (int i = 0; i < 10; i++) {
			this.store.append(this.resumable, entries(20));
		}
		this.resumeFile = Files.createTempFile("resume", ".jsonl");
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		this.store.deleteSessionsOlderThan(java.time.Instant.now().plusSeconds(60));
		Files.deleteIfExists(this.resumeFile);
		if (this.pool != null) {
			this.pool.close();
		}
	}

	private DataSource dataSource() {
		if (this.database.equals("postgresql")) {
			String url = System.getProperty("benchmark.postgres.url");
			if (url == null) {
				throw new IllegalStateException(
						"-p database=postgresql needs -Dbenchmark.postgres.url=jdbc:postgresql://127.0.0.1:<port>/postgres (docs/benchmarks.md)");
			}
			// pooled, as Boot's DataSource is
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setJdbcUrl(url);
			dataSource.setUsername(System.getProperty("benchmark.postgres.user", "postgres"));
			dataSource.setMaximumPoolSize(4);
			this.pool = dataSource;
			return dataSource;
		}
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	/**
	 * One mirror batch of 20 entries, stored in a new session each time (a new session id, so
	 * that the uuids are new to it).
	 */
	@Benchmark
	public void appendBatchOf20() {
		this.store.append(SessionKey.main(PROJECT, UUID.randomUUID().toString()), this.batch);
	}

	/**
	 * What a resume costs before the CLI starts: the 200 entries loaded and written as JSONL.
	 */
	@Benchmark
	public long resume200Entries() throws IOException {
		List<SessionEntry> entries = this.store.load(this.resumable).orElseThrow();
		long bytes = 0;
		try (Writer writer = Files.newBufferedWriter(this.resumeFile, StandardCharsets.UTF_8)) {
			for (SessionEntry entry : entries) {
				writer.write(entry.json());
				writer.write('\n');
				bytes += entry.json().length();
			}
		}
		return bytes;
	}

	private static List<SessionEntry> entries(int count) {
		String text = "x".repeat(800);
		List<SessionEntry> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			entries.add(SessionEntry.parse("{\"type\":\"" + ((i % 2 == 0) ? "user" : "assistant") + "\",\"uuid\":\""
					+ UUID.randomUUID() + "\",\"sessionId\":\"s\",\"timestamp\":\"2026-12-04T20:00:00Z\","
					+ "\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}}"));
		}
		return entries;
	}

}
