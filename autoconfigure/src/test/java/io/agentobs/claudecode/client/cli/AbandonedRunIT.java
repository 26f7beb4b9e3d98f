package io.agentobs.claudecode.client.cli;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.instrument.client.ClaudeCodeObservations;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real CLI of an observed run ends, with its observation, when the run is dropped
 * unconsumed and collected, or closed early: no CLI process is alive 2 s later.
 */
@Timeout(120)
class AbandonedRunIT {

	private static final Cleaner COLLECTIONS = Cleaner.create();

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final ObservationTree observations = ObservationTree.of(this.registry);

	@RegisterExtension
	final ScriptedCli cli = ScriptedCli.create();

	private ClaudeCodeClient client;

	/** Client processes of other tests, still ending. */
	private List<Long> before;

	@BeforeEach
	void start() {
		this.before = allCliProcesses();
		ClaudeCodeOptions defaults = this.cli.options(this.cliHome, this.workingDirectory)
			.allowedTools(List.of("Bash"))
			.build();
		this.client = ClaudeCodeObservations.observe(CliClaudeCodeClient.builder().defaultOptions(defaults).build(),
				this.registry, "claude-code");
	}

	@Test
	void runDroppedUnconsumedEndsItsCliAndItsObservationOnceCollected() {
		AtomicLong collected = new AtomicLong();
		COLLECTIONS.register(this.client.query(Scenario.PLAIN_ANSWER.prompt("Answer.")),
				() -> collected.set(System.nanoTime()));
		await().atMost(Duration.ofSeconds(20)).until(() -> !cliProcesses().isEmpty());
		for (int i = 0; i < 100 && collected.get() == 0; i++) {
			System.gc();
			sleep(100);
		}
		assertThat(collected.get()).as("the dropped run was collected").isNotZero();
		await().atMost(Duration.ofSeconds(2)).until(() -> cliProcesses().isEmpty());
		await().atMost(Duration.ofSeconds(2)).until(() -> this.observations.notStoppedExactlyOnce().isEmpty());
		assertThat(this.observations.render()).startsWith("invoke_agent");
	}

	@Test
	void runClosedEarlyEndsItsCliWithinTwoSeconds() {
		ClaudeCodeRun run = this.client.query(Scenario.SLOW.prompt("Answer slowly."));
		assertThat(run.iterator().next()).isInstanceOf(SystemMessage.class);
		assertThat(cliProcesses()).isNotEmpty();
		run.close();
		await().atMost(Duration.ofSeconds(2)).until(() -> cliProcesses().isEmpty());
		assertThat(this.observations.notStoppedExactlyOnce()).isEmpty();
	}

	/** Every running process the client started in this test, re-parented orphans included. */
	private List<Long> cliProcesses() {
		return allCliProcesses().stream().filter((pid) -> !this.before.contains(pid)).toList();
	}

	private static List<Long> allCliProcesses() {
		byte[] marker = (ProcessTree.MARKER_VARIABLE + "=").getBytes(StandardCharsets.UTF_8);
		return ProcessHandle.allProcesses()
			.filter(ProcessTree::isRunning)
			.filter((handle) -> contains(environment(handle.pid()), marker))
			.map(ProcessHandle::pid)
			.toList();
	}

	private static byte[] environment(long pid) {
		try {
			return Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
		}
		catch (IOException | RuntimeException ex) {
			return new byte[0];
		}
	}

	private static boolean contains(byte[] bytes, byte[] part) {
		outer: for (int start = 0; start <= bytes.length - part.length; start++) {
			for (int i = 0; i < part.length; i++) {
				if (bytes[start + i] != part[i]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
