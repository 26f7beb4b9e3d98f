package io.agentobs.claudecode.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.testsupport.FakeCli;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How many CLI processes a session of the auto-configured client starts, from
 * {@code claude-code.process-per-turn}, {@code claude-code.persist-session} and
 * {@code sentry.claude-code.cli-telemetry} (whose sessions get a process per turn unless
 * told otherwise), against a fake CLI that logs its starts.
 */
@Timeout(60)
class ProcessPerTurnAutoConfigurationTests {

	private static final String SESSION = "3f1c9a2e-8b7d-4e6f-a5c4-1d2e3f4a5b6c";

	@TempDir
	Path directory;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void fakeCli() throws IOException {
		Path started = this.directory.resolve("started");
		Path cli = FakeCli.script(this.directory, "echo \"$$ $CLAUDE_CODE_ENABLE_TELEMETRY\" >> " + started + "\n"
				+ "while read -r line; do\n  case \"$line\" in\n    *'\"type\":\"user\"'*)\n"
				+ "      " + FakeCli.print("{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"" + SESSION
						+ "\",\"model\":\"claude-sonnet-4-5\"}")
				+ "      " + FakeCli.print("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,"
						+ "\"num_turns\":1,\"result\":\"hi\",\"session_id\":\"" + SESSION + "\"}")
				+ "      ;;\n  esac\ndone\n");
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ClaudeCodeObservabilityAutoConfiguration.class,
					ClaudeCodeClientAutoConfiguration.class))
			.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("claude-code.cli-path=" + cli);
	}

	/** The processes two prompts of a session started: each one's telemetry switch. */
	private List<String> processesOfTwoPrompts(String... properties) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasNotFailed();
			try (ClaudeCodeSession session = context.getBean(ClaudeCodeClient.class).openSession()) {
				session.send("one").awaitResult();
				session.send("two").awaitResult();
			}
		});
		return starts();
	}

	private List<String> starts() {
		try {
			Path started = this.directory.resolve("started");
			return Files.exists(started)
					? Files.readAllLines(started).stream().map((line) -> line.substring(line.indexOf(' ') + 1)).toList()
					: List.of();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aSessionHasOneProcessByDefault() {
		assertThat(processesOfTwoPrompts()).containsExactly("");
	}

	@Test
	void theCliTelemetryGivesSessionsAProcessPerTurnEachWithTheTelemetry() {
		assertThat(processesOfTwoPrompts("sentry.claude-code.cli-telemetry=true")).containsExactly("1", "1");
	}

	@Test
	void theProcessPerTurnPropertyWinsOverTheCliTelemetrysDefault() {
		assertThat(processesOfTwoPrompts("sentry.claude-code.cli-telemetry=true", "claude-code.process-per-turn=false"))
			.containsExactly("1");
	}

	@Test
	void theProcessPerTurnPropertyAlone() {
		assertThat(processesOfTwoPrompts("claude-code.process-per-turn=true")).hasSize(2);
	}

	@Test
	void withoutPersistedSessionsTheCliTelemetryLeavesSessionsOneProcess() {
		assertThat(processesOfTwoPrompts("sentry.claude-code.cli-telemetry=true", "claude-code.persist-session=false"))
			.containsExactly("1");
	}

	@Test
	void aProcessPerTurnWithoutPersistedSessionsIsRefusedForSessionsOnly() {
		this.contextRunner.withPropertyValues("claude-code.process-per-turn=true", "claude-code.persist-session=false")
			.run((context) -> {
				ClaudeCodeClient client = context.getBean(ClaudeCodeClient.class);
				assertThatIllegalArgumentException().isThrownBy(client::openSession)
					.withMessageContaining("persist-session");
				assertThat(client.query("one").awaitResult().result()).isEqualTo("hi");
			});
		assertThat(starts()).hasSize(1);
	}

	@Test
	void aSessionStoreWithoutPersistedSessionsFailsAtStartUpNamingBothProperties() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ClaudeCodeSessionStoreAutoConfiguration.class))
			.withBean(DataSource.class, () -> {
				JdbcDataSource dataSource = new JdbcDataSource();
				dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
				return dataSource;
			})
			.withPropertyValues("claude-code.sessions.store=jdbc", "claude-code.persist-session=false")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("claude-code.sessions.store")
				.hasMessageContaining("claude-code.persist-session"));
		assertThat(starts()).isEmpty();
	}

}
