package io.agentobs.claudecode.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for a test class, from the server binaries of the machine
 * ({@code /usr/lib/postgresql/<version>/bin}, or {@code PG_BIN}): a cluster initialized in a
 * temporary directory, listening on a free loopback port, stopped and deleted after the
 * class (and at JVM end if the class never got there). Run as the {@code postgres} user when
 * the tests run as root, since PostgreSQL refuses root. Without the binaries the class is
 * skipped with a message that says so.
 * <pre class="code">
 * &#64;RegisterExtension
 * static final PostgresServer postgres = new PostgresServer();
 * </pre>
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

	private static final List<String> BIN_CANDIDATES = List.of("/usr/lib/postgresql/17/bin",
			"/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/14/bin");

	private Path directory;

	private Path bin;

	private int port;

	private Thread shutdownHook;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.bin = findBinaries();
		Assumptions.assumeTrue(this.bin != null,
				"No PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/<version>/bin or PG_BIN: install postgresql (apt-get install postgresql) to run this test");
		this.directory = Files.createTempDirectory("claude-code-pg",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		if (isRoot()) {
			run("chown", "-R", "postgres:postgres", this.directory.toString());
		}
		this.port = freePort();
		runAsOwner(this.bin.resolve("initdb").toString(), "-D", data().toString(), "-U", "postgres",
				"--auth=trust", "--encoding=UTF8", "--no-sync");
		this.shutdownHook = new Thread(this::stopQuietly, "postgres-server-stop");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.directory == null) {
			return;
		}
		stopQuietly();
		deleteDirectory();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is ending: the hook runs
		}
	}

	/**
	 * Starts the server (again, after {@link #stop()}).
	 */
	public void start() {
		runAsOwner(this.bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-w", "-t", "60", "-l",
				this.directory.resolve("server.log").toString(), "-o",
				"-p " + this.port + " -k " + this.directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
	}

	/**
	 * Stops the server now, ending its connections ({@code pg_ctl stop -m immediate}).
	 */
	public void stop() {
		runAsOwner(this.bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-w", "-m", "immediate", "stop");
	}

	/**
	 * The JDBC URL of the server's {@code postgres} database.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	/**
	 * The user to connect as (no password: trust authentication on loopback).
	 * @return {@code postgres}
	 */
	public String username() {
		return "postgres";
	}

	/**
	 * An unpooled data source of the server.
	 * @return the data source
	 */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(jdbcUrl());
		dataSource.setUser(username());
		dataSource.setConnectTimeout(5);
		dataSource.setSocketTimeout(30);
		return dataSource;
	}

	private Path data() {
		return this.directory.resolve("data");
	}

	private void stopQuietly() {
		try {
			if (Files.exists(data().resolve("postmaster.pid"))) {
				stop();
			}
		}
		catch (RuntimeException ex) {
			// already stopped
		}
	}

	private void deleteDirectory() {
		try (Stream<Path> paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path findBinaries() {
		List<String> candidates = new ArrayList<>();
		if (System.getenv("PG_BIN") != null) {
			candidates.add(System.getenv("PG_BIN"));
		}
		candidates.addAll(BIN_CANDIDATES);
		return candidates.stream()
			.map(Path::of)
			.filter((dir) -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
			.findFirst()
			.orElse(null);
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private void runAsOwner(String... command) {
		List<String> line = new ArrayList<>();
		if (isRoot()) {
			line.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		line.addAll(List.of(command));
		run(line.toArray(String[]::new));
	}

	private void run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("commands.log").toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + String.join(" ", command));
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("Failed (" + process.exitValue() + "): " + String.join(" ", command)
						+ "\n" + Files.readString(this.directory.resolve("commands.log")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
