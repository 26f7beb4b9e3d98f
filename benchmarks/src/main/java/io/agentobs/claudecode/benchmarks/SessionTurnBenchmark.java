package io.agentobs.claudecode.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
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

/**
 * What a session turn costs with one CLI process for the whole session and with a process
 * per turn ({@code claude-code.process-per-turn}): the real CLI against the scripted API on
 * loopback, one plain answer per turn, in a session opened for each iteration (so that the
 * transcript a turn resumes stays short). The difference is the CLI's start and the resume of
 * the saved transcript, paid once per turn.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 4, time = 8)
@Fork(1)
public class SessionTurnBenchmark {

	@Param({ "false", "true" })
	public boolean processPerTurn;

	private ScriptedAnthropicApi api;

	private Path home;

	private Path workingDirectory;

	private CliClaudeCodeClient client;

	private ClaudeCodeSession session;

	@Setup(Level.Trial)
	public void startApi() throws IOException {
		this.api = ScriptedAnthropicApi.start();
		this.home = Files.createTempDirectory("claude-bench-home");
		this.workingDirectory = Files.createTempDirectory("claude-bench-work");
		Map<String, String> environment = new LinkedHashMap<>(this.api.cliEnvironment());
		// A home of its own, without the machine's user settings or shell profile
		environment.put("HOME", this.home.toString());
		environment.put("CLAUDE_CONFIG_DIR", this.home.resolve(".claude").toString());
		environment.put("ZDOTDIR", this.home.toString());
		environment.put("BASH_ENV", "");
		environment.put("ENV", "");
		this.client = CliClaudeCodeClient.builder()
			.defaultOptions(ClaudeCodeOptions.builder()
				.model("claude-sonnet-4-5")
				.workingDirectory(this.workingDirectory)
				.environment(environment)
				.processPerTurn(this.processPerTurn)
				.idleTimeout(Duration.ofSeconds(60))
				.build())
			.build();
	}

	@Setup(Level.Iteration)
	public void openSession() {
		this.session = this.client.openSession();
		turn();
	}

	@Benchmark
	public ResultMessage turn() {
		try (ClaudeCodeRun run = this.session.send(Scenario.PLAIN_ANSWER.prompt("Next question"))) {
			return run.awaitResult();
		}
	}

	@TearDown(Level.Iteration)
	public void closeSession() {
		this.session.close();
	}

	@TearDown(Level.Trial)
	public void stopApi() {
		this.api.close();
		delete(this.home);
		delete(this.workingDirectory);
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
