package io.agentobs.claudecode.client.cli;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeProcessException;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.testsupport.FakeCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Nothing the client starts outlives its run: a run or session dropped without
 * {@code close()} ends its CLI process tree once collected, and a CLI that exits while a
 * child holds its output open ends the run promptly and takes the child with it.
 */
@Timeout(60)
class AbandonedProcessesTests {

	private static final Cleaner COLLECTIONS = Cleaner.create();

	@TempDir
	Path directory;

	@Test
	void runDroppedUnconsumedEndsItsCliProcessTreeOnceCollected() throws Exception {
		Path pids = this.directory.resolve("pids");
		Path script = FakeCli.script(this.directory,
				"sleep 300 &\necho \"$$ $!\" > " + pids + "\nread -r line\n" + FakeCli.print(FakeCli.INIT) + "wait\n");
		AtomicLong collected = new AtomicLong();
		startAndDrop(() -> client(script).query("hello"), collected, pids);
		assertTreeEndsAfterCollection(pids, collected);
	}

	@Test
	void runWhoseConsumerStoppedEarlyWithoutClosingEndsItsCliOnceCollected() throws Exception {
		Path pids = this.directory.resolve("pids");
		Path script = FakeCli.script(this.directory, "sleep 300 &\necho \"$$ $!\" > " + pids + "\nread -r line\n"
				+ FakeCli.print(FakeCli.INIT) + FakeCli.print(FakeCli.ASSISTANT) + "wait\n");
		AtomicLong collected = new AtomicLong();
		startAndDrop(() -> {
			ClaudeCodeRun run = client(script).query("hello");
			Iterator<ClaudeMessage> messages = run.iterator();
			assertThat(messages.next()).isInstanceOf(SystemMessage.class);
			return run;
		}, collected, pids);
		assertTreeEndsAfterCollection(pids, collected);
	}

	@Test
	void sessionDroppedWithoutClosingEndsItsCliOnceCollected() throws Exception {
		Path pids = this.directory.resolve("pids");
		Path script = FakeCli.script(this.directory,
				"sleep 300 &\necho \"$$ $!\" > " + pids + "\nread -r line\n" + FakeCli.print(FakeCli.INIT) + "wait\n");
		AtomicLong collected = new AtomicLong();
		startAndDrop(() -> client(script).openSession(), collected, pids);
		assertTreeEndsAfterCollection(pids, collected);
	}

	@Test
	void cliExitingWhileABackgroundChildHoldsItsOutputEndsTheRunPromptlyAndEndsTheChild() throws Exception {
		Path pids = this.directory.resolve("pids");
		Path script = FakeCli.script(this.directory, "read -r line\n" + FakeCli.print(FakeCli.INIT)
				+ "(sleep 300; echo late) &\necho \"$$ $!\" > " + pids + "\nexit 4\n");
		long start = System.nanoTime();
		try (ClaudeCodeRun run = client(script).query("hello")) {
			assertThatExceptionOfType(ClaudeCodeProcessException.class).isThrownBy(() -> run.forEach((message) -> {
			})).satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(4));
		}
		// Before: the run ended after two graces of 2 s each and the child kept running
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
		List<Long> tree = pids(pids);
		await().atMost(Duration.ofSeconds(2)).until(() -> running(tree).isEmpty());
		await().atMost(Duration.ofSeconds(2)).until(() -> readerThreads(tree.get(0)).isEmpty());
	}

	@Test
	void orphansOfACompletedRunAreEnded() throws Exception {
		Path pids = this.directory.resolve("pids");
		Path script = FakeCli.script(this.directory, "read -r line\n(sleep 300) > /dev/null 2>&1 &\necho \"$$ $!\" > "
				+ pids + "\n" + FakeCli.print(FakeCli.INIT) + FakeCli.print(FakeCli.RESULT) + "exit 0\n");
		try (ClaudeCodeRun run = client(script).query("hello")) {
			assertThat(run.awaitResult().result()).isEqualTo("hi");
		}
		List<Long> tree = pids(pids);
		await().atMost(Duration.ofSeconds(3)).until(() -> running(tree).isEmpty());
	}

	private interface Start {

		Object start() throws Exception;

	}

	/** Starts a run in a frame of its own so that nothing on this stack keeps it reachable. */
	private void startAndDrop(Start start, AtomicLong collected, Path pids) throws Exception {
		Object started = start.start();
		COLLECTIONS.register(started, () -> collected.set(System.nanoTime()));
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pids) && pids(pids).size() == 2);
	}

	private void assertTreeEndsAfterCollection(Path pids, AtomicLong collected) throws IOException {
		List<Long> tree = pids(pids);
		assertThat(running(tree)).containsExactlyElementsOf(tree);
		for (int i = 0; i < 100 && collected.get() == 0; i++) {
			System.gc();
			sleep(100);
		}
		assertThat(collected.get()).as("the dropped run was collected").isNotZero();
		await().atMost(Duration.ofSeconds(2)).until(() -> running(tree).isEmpty());
		await().atMost(Duration.ofSeconds(2)).until(() -> readerThreads(tree.get(0)).isEmpty());
	}

	private static List<Long> pids(Path pids) throws IOException {
		String written = Files.readString(pids).trim();
		return written.isEmpty() ? List.of() : Arrays.stream(written.split(" ")).map(Long::parseLong).toList();
	}

	private static List<Long> running(List<Long> pids) {
		return pids.stream()
			.filter((pid) -> ProcessHandle.of(pid).map(ProcessTree::isRunning).orElse(false))
			.toList();
	}

	private static List<String> readerThreads(long pid) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.equals("claude-code-stdout-" + pid) || name.equals("claude-code-stderr-" + pid))
			.toList();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private ClaudeCodeClient client(Path script) {
		return CliClaudeCodeClient.builder().defaultOptions(ClaudeCodeOptions.builder().cliPath(script).build()).build();
	}

}
