package io.agentobs.claudecode.testsupport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Zipkin server (the {@code io.zipkin:zipkin-server} exec jar the build copies, in
 * memory storage) run as a child process on a free loopback port.
 */
public final class ZipkinServer implements AutoCloseable {

	/**
	 * The system property the build sets to the path of the Zipkin server jar.
	 */
	public static final String JAR_PROPERTY = "zipkin.server.jar";

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private static final Duration TRACE_WAIT = Duration.ofSeconds(20);

	private static final ObjectMapper OBJECT_MAPPER = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final Process process;

	private final String baseUrl;

	private final Path log;

	private ZipkinServer(Process process, String baseUrl, Path log) {
		this.process = process;
		this.baseUrl = baseUrl;
		this.log = log;
	}

	/**
	 * The jar named by the {@value #JAR_PROPERTY} system property, else
	 * {@code target/zipkin/zipkin-server.jar}.
	 */
	public static Path jar() {
		return Path.of(System.getProperty(JAR_PROPERTY, "target/zipkin/zipkin-server.jar"));
	}

	/**
	 * Starts the Zipkin server of the given jar and waits until it is healthy.
	 */
	public static ZipkinServer start(Path jar) throws IOException, InterruptedException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No Zipkin server jar at " + jar.toAbsolutePath()
					+ " (the build copies it in pre-integration-test)");
		}
		int port = freePort();
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port,
				"--server.address=127.0.0.1");
		builder.environment().put("STORAGE_TYPE", "mem");
		Path log = Files.createTempFile("zipkin", ".log");
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		ZipkinServer server = new ZipkinServer(builder.start(), "http://127.0.0.1:" + port, log);
		try {
			server.awaitHealthy();
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	/**
	 * Where the server listens, for example {@code http://127.0.0.1:9411}.
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The endpoint spans are posted to: {@code management.zipkin.tracing.endpoint}.
	 */
	public String spansEndpoint() {
		return this.baseUrl + "/api/v2/spans";
	}

	/**
	 * Polls {@code /api/v2/trace/{traceId}} until it holds at least {@code minSpans} spans
	 * (Zipkin stores what it receives asynchronously), for a bounded time.
	 * @return the trace: a JSON array of spans
	 * @throws AssertionError when the trace does not show up in time
	 */
	public JsonNode awaitTrace(String traceId, int minSpans) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TRACE_WAIT.toNanos();
		JsonNode trace = null;
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = get("/api/v2/trace/" + traceId);
			if (response.statusCode() == 200) {
				trace = OBJECT_MAPPER.readTree(response.body());
				if (trace.size() >= minSpans) {
					return trace;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Zipkin did not return " + minSpans + " spans of trace " + traceId + ": " + trace);
	}

	/**
	 * A GET of the given path of the server's API.
	 */
	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
		try {
			Files.deleteIfExists(this.log);
		}
		catch (IOException ex) {
			// a temporary file
		}
	}

	private void awaitHealthy() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			try {
				if (get("/health").statusCode() == 200) {
					return;
				}
			}
			catch (ConnectException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("Zipkin did not become healthy:\n" + Files.readString(this.log));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
