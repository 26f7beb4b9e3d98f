package io.agentobs.claudecode.session;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.scripted.RecordedCall;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.PostgresServer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances of a user's application ({@link SessionStoreInstanceApplication}), each a JVM of
 * its own with its own {@code HOME} and CLI config directory, continue one conversation
 * through the session store: turn one on instance A, the next turn on instance B or on a new
 * process of A (a restart). The scripted Anthropic API (in this JVM) must receive the earlier
 * turns' messages in the next turn's request, and every turn's exported {@code invoke_agent}
 * span must carry the same {@code gen_ai.conversation.id}.
 */
@Timeout(300)
class SessionStoreInstancesIT {

	private static final String MAIN_CLASS = SessionStoreInstanceApplication.class.getName();

	@RegisterExtension
	static final PostgresServer postgres = new PostgresServer();

	@TempDir
	Path workingDirectory;

	@TempDir
	Path scratch;

	@RegisterExtension
	final HermeticCliEnvironment homeA = HermeticCliEnvironment.create();

	@RegisterExtension
	final HermeticCliEnvironment homeB = HermeticCliEnvironment.create();

	private ScriptedAnthropicApi api;

	private int instanceCount;

	@BeforeEach
	void startApi() {
		this.api = ScriptedAnthropicApi.start();
	}

	@AfterEach
	void stopApi() {
		this.api.close();
	}

	@Test
	void turnOneOnATurnTwoOnBTurnThreeOnARestartedSharingPostgres() throws Exception {
		Map<String, String> database = Map.of("spring.datasource.url", postgres.jdbcUrl(),
				"spring.datasource.username", postgres.username());

		Turn one = run(this.homeA, database, "Remember the word pineapple", null);
		assertThat(UUID.fromString(one.sessionId())).isNotNull();
		assertThat(one.conversationIds()).containsExactly(one.sessionId());
		// the transcript is in the store, not in A's config directory
		assertThat(this.homeA.configDirectory().resolve("projects")).doesNotExist();
		long storedAfterOne = entries(one.sessionId());
		assertThat(storedAfterOne).isPositive();

		Turn two = run(this.homeB, database, "Which word was it?", one.sessionId());
		assertThat(two.sessionId()).isEqualTo(one.sessionId());
		assertThat(two.conversationIds()).containsExactly(one.sessionId());
		assertThat(lastRequestMessages()).contains("Remember the word pineapple").contains("Which word was it?");
		assertThat(this.homeB.configDirectory().resolve("projects")).doesNotExist();
		long storedAfterTwo = entries(one.sessionId());
		assertThat(storedAfterTwo).isGreaterThan(storedAfterOne);

		Turn three = run(this.homeA, database, "Spell it backwards", one.sessionId());
		assertThat(three.sessionId()).isEqualTo(one.sessionId());
		assertThat(three.conversationIds()).containsExactly(one.sessionId());
		assertThat(lastRequestMessages()).contains("Remember the word pineapple")
			.contains("Which word was it?")
			.contains("Spell it backwards");
		assertThat(entries(one.sessionId())).isGreaterThan(storedAfterTwo);
		assertThat(distinctUuids(one.sessionId())).as("no uuid stored twice").isEqualTo(uuids(one.sessionId()));
		assertThat(List.of(one.traceId(), two.traceId(), three.traceId())).doesNotHaveDuplicates();
	}

	@Test
	void turnTwoOnARestartedInstanceSharingAnH2FileDatabase() throws Exception {
		String url = "jdbc:h2:file:" + this.scratch.resolve("sessions");
		Map<String, String> database = Map.of("spring.datasource.url", url, "spring.datasource.username", "sa");

		Turn one = run(this.homeA, database, "Case 4711: the printer is on fire", null);
		assertThat(one.conversationIds()).containsExactly(one.sessionId());
		// the transcript is in the database file, not in A's config directory
		assertThat(this.homeA.configDirectory().resolve("projects")).doesNotExist();
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL(url);
		h2.setUser("sa");
		assertThat(JdbcClient.create(h2)
			.sql("SELECT COUNT(*) FROM claude_code_session_entry WHERE session_id = ?")
			.param(one.sessionId())
			.query(Long.class)
			.single()).isPositive();

		Turn two = run(this.homeA, database, "Any news on the case?", one.sessionId());
		assertThat(two.sessionId()).isEqualTo(one.sessionId());
		assertThat(two.conversationIds()).containsExactly(one.sessionId());
		assertThat(lastRequestMessages()).contains("Case 4711: the printer is on fire")
			.contains("Any news on the case?");
	}

	/**
	 * Runs one turn in a new JVM of the instance application with the given home.
	 * @param home the instance's home and CLI config directory
	 * @param database the {@code spring.datasource.*} properties
	 * @param prompt the prompt (a plain answer of the scripted API)
	 * @param resume the session to continue, or {@code null} for a new one
	 * @return what the instance printed
	 */
	private Turn run(HermeticCliEnvironment home, Map<String, String> database, String prompt, String resume)
			throws IOException, InterruptedException {
		Map<String, String> properties = new LinkedHashMap<>(database);
		properties.put("spring.datasource.type", "org.springframework.jdbc.datasource.SimpleDriverDataSource");
		properties.put("claude-code.sessions.store", "jdbc");
		properties.put("claude-code.sessions.jdbc.initialize-schema", "always");
		properties.put("claude-code.model", "claude-sonnet-4-5");
		properties.put("claude-code.working-directory", this.workingDirectory.toString());
		properties.put("claude-code.idle-timeout", "60s");
		properties.put("management.tracing.sampling.probability", "1.0");
		// spans go to the instance's own exporter (standard output), not to a Zipkin nobody runs
		properties.put("spring.autoconfigure.exclude",
				"org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration,"
						+ "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.zipkin.ZipkinWithOpenTelemetryTracingAutoConfiguration");
		properties.put("instance.prompt", Scenario.PLAIN_ANSWER.prompt(prompt));
		if (resume != null) {
			properties.put("instance.resume", resume);
		}
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1",
				"-Duser.home=" + home.home(), "-cp", System.getProperty("java.class.path"), MAIN_CLASS));
		properties.forEach((name, value) -> command.add("--" + name + "=" + value));
		Path output = this.scratch.resolve("instance-" + (++this.instanceCount) + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().putAll(home.environment(this.api.cliEnvironment()));
		Process process = builder.start();
		try {
			boolean exited = process.waitFor(120, TimeUnit.SECONDS);
			assertThat(exited).as("instance %d exited in time:%n%s", this.instanceCount, Files.readString(output))
				.isTrue();
		}
		finally {
			// an instance that hung leaves neither itself nor its CLI behind
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
		List<String> lines = Files.readAllLines(output);
		assertThat(process.exitValue()).as("exit status of instance %d:%n%s", this.instanceCount, String.join("\n", lines))
			.isZero();
		return Turn.of(lines);
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private String lastRequestMessages() {
		List<RecordedCall> calls = this.api.calls();
		assertThat(calls).isNotEmpty();
		return calls.get(calls.size() - 1).request().path("messages").toString();
	}

	private static long entries(String sessionId) {
		return count("SELECT COUNT(*) FROM claude_code_session_entry WHERE session_id = ?", sessionId);
	}

	private static long uuids(String sessionId) {
		return count("SELECT COUNT(entry_uuid) FROM claude_code_session_entry WHERE session_id = ?", sessionId);
	}

	private static long distinctUuids(String sessionId) {
		return count("SELECT COUNT(DISTINCT entry_uuid) FROM claude_code_session_entry WHERE session_id = ?",
				sessionId);
	}

	private static long count(String sql, String sessionId) {
		return JdbcClient.create(postgres.dataSource()).sql(sql).param(sessionId).query(Long.class).single();
	}

	/**
	 * What one instance printed: the turn's session id and the spans it exported.
	 */
	private record Turn(String sessionId, List<JsonNode> spans) {

		static Turn of(List<String> lines) throws IOException {
			String sessionId = null;
			List<JsonNode> spans = new ArrayList<>();
			for (String line : lines) {
				if (line.startsWith(SessionStoreInstanceApplication.SESSION_LINE)) {
					sessionId = line.substring(SessionStoreInstanceApplication.SESSION_LINE.length());
				}
				else if (line.startsWith(SessionStoreInstanceApplication.SPAN_LINE)) {
					spans.add(Json.mapper().readTree(line.substring(SessionStoreInstanceApplication.SPAN_LINE.length())));
				}
			}
			assertThat(sessionId).as("session id printed in%n%s", String.join("\n", lines)).isNotNull();
			return new Turn(sessionId, spans);
		}

		/** The conversation ids of the turn's {@code invoke_agent} spans (one span expected). */
		List<String> conversationIds() {
			return agentSpans().stream().map((span) -> {
				JsonNode id = span.at("/attributes/gen_ai.conversation.id");
				assertThat(id.isTextual()).as("gen_ai.conversation.id as a string in %s", span).isTrue();
				return id.asText();
			}).toList();
		}

		String traceId() {
			return agentSpans().get(0).get("traceId").asText();
		}

		private List<JsonNode> agentSpans() {
			return this.spans.stream().filter((span) -> span.get("name").asText().startsWith("invoke_agent")).toList();
		}

	}

}
