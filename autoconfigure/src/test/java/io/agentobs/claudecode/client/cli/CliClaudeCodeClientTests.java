package io.agentobs.claudecode.client.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.client.ClaudeCodeCliNotFoundException;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeProcessException;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.ClaudeCodeTimeoutException;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.client.message.UnknownMessage;
import io.agentobs.claudecode.client.options.McpServerConfig;
import io.agentobs.claudecode.client.options.SessionOptions;
import io.agentobs.claudecode.testsupport.FakeCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CliClaudeCodeClient} against fake CLI scripts.
 */
@Timeout(60)
class CliClaudeCodeClientTests {

	private static final String EARLIER_SESSION = "0b6f3f4e-2a4d-4c6e-9f57-1c2d3e4f5a6b";

	private static final String CHOSEN_SESSION = "7d9e1c2a-5b3f-4e8d-a1b2-c3d4e5f6a7b8";

	@TempDir
	Path directory;

	private ClaudeCodeClient client(Path script) {
		return CliClaudeCodeClient.builder().defaultOptions(ClaudeCodeOptions.builder().cliPath(script).build()).build();
	}

	@Test
	void queryDeliversMessagesUntilResultThenLetsTheCliExit() throws Exception {
		Path pidFile = this.directory.resolve("pid");
		Path script = FakeCli.script(this.directory, "echo $$ > " + pidFile + "\nread -r line\n"
				+ FakeCli.print(FakeCli.INIT) + FakeCli.print(FakeCli.ASSISTANT) + FakeCli.print(FakeCli.RESULT)
				+ "cat > /dev/null\n");
		List<String> types = new ArrayList<>();
		try (ClaudeCodeRun run = client(script).query("hello")) {
			run.forEach((message) -> types.add(message.type()));
		}
		assertThat(types).containsExactly("system", "assistant", "result");
		long pid = Long.parseLong(Files.readString(pidFile).trim());
		await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(pid).isEmpty());
	}

	@Test
	void awaitResultReturnsTheResultMessage() throws Exception {
		Path script = FakeCli.script(this.directory,
				"read -r line\n" + FakeCli.print(FakeCli.INIT) + FakeCli.print(FakeCli.RESULT) + "cat > /dev/null\n");
		ResultMessage result = client(script).query("hello").awaitResult();
		assertThat(result.result()).isEqualTo("hi");
		assertThat(result.sessionId()).isEqualTo(FakeCli.SESSION_ID);
	}

	@Test
	void streamDeliversMessagesAndClosingItClosesTheRun() throws Exception {
		Path pidFile = this.directory.resolve("pid");
		Path script = FakeCli.script(this.directory,
				"echo $$ > " + pidFile + "\nread -r line\n" + FakeCli.print(FakeCli.INIT) + "sleep 300\n");
		ClaudeCodeRun run = client(script).query("hello");
		try (var messages = run.stream()) {
			assertThat(messages.findFirst()).get().isInstanceOf(SystemMessage.class);
		}
		long pid = Long.parseLong(Files.readString(pidFile).trim());
		// Ended; the JDK's reaper may not have collected the exit status yet (a zombie)
		assertThat(ProcessHandle.of(pid).filter(ProcessTree::isRunning)).isEmpty();
	}

	@Test
	void cliExitingWithoutResultFailsWithExitCodeAndStderrTail() throws Exception {
		Path script = FakeCli.script(this.directory, "read -r line\n" + FakeCli.print(FakeCli.INIT)
				+ "for i in $(seq 1 80); do echo \"problem-$i\" >&2; done\nexit 3\n");
		try (ClaudeCodeRun run = client(script).query("hello")) {
			Iterator<ClaudeMessage> messages = run.iterator();
			assertThat(messages.next()).isInstanceOf(SystemMessage.class);
			assertThatExceptionOfType(ClaudeCodeProcessException.class).isThrownBy(messages::hasNext)
				.satisfies((ex) -> {
					assertThat(ex.getExitCode()).isEqualTo(3);
					assertThat(ex.getStderrTail()).hasSize(StderrTail.MAX_LINES).endsWith("problem-80");
					assertThat(ex.getMessage()).contains("exit code 3").contains("problem-80");
				});
		}
	}

	@Test
	void cliExitingWhileADescendantHoldsStdoutOpenStillEndsTheRun() throws Exception {
		Path pidFile = this.directory.resolve("pid");
		Path script = FakeCli.script(this.directory, "read -r line\n" + FakeCli.print(FakeCli.INIT)
				+ "sleep 20 &\necho $! > " + pidFile + "\nexit 4\n");
		try (ClaudeCodeRun run = client(script).query("hello")) {
			assertThatExceptionOfType(ClaudeCodeProcessException.class).isThrownBy(() -> run.forEach((message) -> {
			})).satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(4));
		}
		finally {
			ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(ProcessHandle::destroy);
		}
	}

	@Test
	void closeKillsTheCliAndItsChildrenPromptly() throws Exception {
		Path pids = this.directory.resolve("pids");
		Path script = FakeCli.script(this.directory, "sleep 300 &\necho \"$$ $!\" > " + pids + "\nread -r line\n"
				+ FakeCli.print(FakeCli.INIT) + "wait\n");
		ClaudeCodeRun run = client(script).query("hello");
		assertThat(run.iterator().next()).isInstanceOf(SystemMessage.class);
		List<ProcessHandle> processes = new ArrayList<>();
		for (String pid : Files.readString(pids).trim().split(" ")) {
			processes.add(ProcessHandle.of(Long.parseLong(pid)).orElseThrow());
		}
		long start = System.nanoTime();
		run.close();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		await().atMost(Duration.ofSeconds(2)).until(() -> processes.stream().noneMatch(ProcessTree::isRunning));
	}

	@Test
	void closeKillsACliThatIgnoresTheTerminationSignal() throws Exception {
		Path pidFile = this.directory.resolve("pid");
		Path script = FakeCli.script(this.directory, "trap '' TERM\necho $$ > " + pidFile + "\nread -r line\n"
				+ FakeCli.print(FakeCli.INIT) + "while true; do sleep 0.1; done\n");
		ClaudeCodeRun run = client(script).query("hello");
		assertThat(run.iterator().next()).isInstanceOf(SystemMessage.class);
		ProcessHandle cli = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow();
		long start = System.nanoTime();
		run.close();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(ProcessTree.isRunning(cli)).isFalse();
	}

	@Test
	void stderrFloodDoesNotBlockTheCli() throws Exception {
		Path script = FakeCli.script(this.directory,
				"read -r line\n" + FakeCli.print(FakeCli.INIT) + "head -c 50000000 /dev/zero | tr '\\0' 'x' >&2\n"
						+ "yes 'a line of stderr' | head -c 50000000 >&2\n" + FakeCli.print(FakeCli.RESULT)
						+ "cat > /dev/null\n");
		try (ClaudeCodeRun run = client(script).query("hello")) {
			assertThat(run.awaitResult().result()).isEqualTo("hi");
		}
	}

	@Test
	void unreadOutputHoldsTheCliBackInsteadOfFillingMemory() throws Exception {
		Path done = this.directory.resolve("done");
		Path script = FakeCli.script(this.directory, "read -r line\nfor i in $(seq 1 5000); do "
				+ FakeCli.print(FakeCli.ASSISTANT) + "done\ntouch " + done + "\n" + FakeCli.print(FakeCli.RESULT)
				+ "cat > /dev/null\n");
		try (ClaudeCodeRun run = client(script).query("hello")) {
			Iterator<ClaudeMessage> messages = run.iterator();
			messages.next();
			Thread.sleep(1000);
			assertThat(done).doesNotExist();
			int count = 1;
			while (messages.hasNext()) {
				messages.next();
				count++;
			}
			assertThat(count).isEqualTo(5001);
			assertThat(done).exists();
		}
	}

	@Test
	void malformedLineIsDeliveredAsUnknownMessageAndIterationGoesOn() throws Exception {
		Path script = FakeCli.script(this.directory, "read -r line\n" + FakeCli.print(FakeCli.INIT)
				+ "echo 'this is {not json'\n" + FakeCli.print(FakeCli.ASSISTANT) + FakeCli.print(FakeCli.RESULT)
				+ "cat > /dev/null\n");
		List<ClaudeMessage> messages = new ArrayList<>();
		try (ClaudeCodeRun run = client(script).query("hello")) {
			run.forEach(messages::add);
		}
		assertThat(messages).hasSize(4);
		assertThat(messages.get(1)).isInstanceOfSatisfying(UnknownMessage.class, (unknown) -> {
			assertThat(unknown.isMalformed()).isTrue();
			assertThat(unknown.raw().asText()).isEqualTo("this is {not json");
		});
		assertThat(messages.get(3)).isInstanceOf(ResultMessage.class);
	}

	@Test
	void idleTimeoutClosesTheRunAndFailsIteration() throws Exception {
		Path pidFile = this.directory.resolve("pid");
		Path script = FakeCli.script(this.directory,
				"echo $$ > " + pidFile + "\nread -r line\n" + FakeCli.print(FakeCli.INIT) + "sleep 300\n");
		ClaudeCodeOptions options = ClaudeCodeOptions.builder().idleTimeout(Duration.ofMillis(500)).build();
		try (ClaudeCodeRun run = client(script).query("hello", options)) {
			Iterator<ClaudeMessage> messages = run.iterator();
			assertThat(messages.next()).isInstanceOf(SystemMessage.class);
			assertThatExceptionOfType(ClaudeCodeTimeoutException.class).isThrownBy(messages::hasNext)
				.withMessageContaining("idle timeout of PT0.5S")
				.satisfies((ex) -> assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(500)));
		}
		assertThat(ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))).isEmpty();
	}

	@Test
	void runTimeoutClosesARunThatKeepsTalking() throws Exception {
		Path script = FakeCli.script(this.directory, "read -r line\nwhile true; do " + FakeCli.print(FakeCli.INIT)
				+ "sleep 0.1; done\n");
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.runTimeout(Duration.ofSeconds(1))
			.idleTimeout(Duration.ofSeconds(1))
			.build();
		long start = System.nanoTime();
		try (ClaudeCodeRun run = client(script).query("hello", options)) {
			assertThatExceptionOfType(ClaudeCodeTimeoutException.class).isThrownBy(() -> run.forEach((message) -> {
			})).withMessageContaining("run timeout of PT1S");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void cliIsStartedWithTheOptionsAsArgumentsAndTheMergedEnvironment() throws Exception {
		Path out = this.directory.resolve("out");
		Path script = FakeCli.script(this.directory, "printf '%s\\n' \"$@\" > " + out + ".args\n" + "echo \"$DEFAULT_ONLY|$OVERRIDDEN|$TRACEPARENT\" > "
				+ out + ".env\npwd > " + out + ".pwd\nread -r line\necho \"$line\" > " + out + ".stdin\n"
				+ FakeCli.print(FakeCli.RESULT) + "cat > /dev/null\n");
		Path workingDirectory = Files.createDirectory(this.directory.resolve("work"));
		ClaudeCodeClient client = CliClaudeCodeClient.builder().defaultOptions(ClaudeCodeOptions.builder()
			.cliPath(script)
			.model("claude-sonnet-4-5")
			.allowedTools(List.of("Bash", "Read"))
			.maxTurns(3)
			.environment(Map.of("DEFAULT_ONLY", "d", "OVERRIDDEN", "default"))
			.build()).build();
		ClaudeCodeOptions overrides = ClaudeCodeOptions.builder()
			.workingDirectory(workingDirectory)
			.permissionMode("acceptEdits")
			.environment(Map.of("OVERRIDDEN", "call", "TRACEPARENT", "00-abc-def-01"))
			.build();
		client.query("say \"hi\"", overrides).awaitResult();
		assertThat(Files.readAllLines(Path.of(out + ".args"))).containsExactly("--output-format=stream-json",
				"--verbose", "--input-format=stream-json", "--model=claude-sonnet-4-5", "--permission-mode=acceptEdits",
				"--max-turns=3", "--system-prompt=", "--allowedTools=Bash,Read", "--include-partial-messages");
		assertThat(Files.readString(Path.of(out + ".env")).trim()).isEqualTo("d|call|00-abc-def-01");
		assertThat(Path.of(Files.readString(Path.of(out + ".pwd")).trim())).isEqualTo(workingDirectory.toRealPath());
		assertThat(Files.readString(Path.of(out + ".stdin")).trim()).isEqualTo(
				"{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"say \\\"hi\\\"\"},"
						+ "\"parent_tool_use_id\":null,\"session_id\":\"\"}");
	}

	@Test
	void aLastLineWithoutLineBreakIsDeliveredWhileTheCliKeepsRunning() throws Exception {
		Path script = FakeCli.script(this.directory, "read -r line\n" + FakeCli.print(FakeCli.INIT)
				+ "printf '%s' '" + FakeCli.RESULT + "'\nsleep 30\n");
		ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(script).idleTimeout(Duration.ofSeconds(10)).build();
		// Held back, the line would end the run with an idle timeout
		ResultMessage result = CliClaudeCodeClient.builder().defaultOptions(options).build().query("hello").awaitResult();
		assertThat(result.result()).isEqualTo("hi");
	}

	@Test
	void messagesAlreadyQueuedAreDeliveredToAConsumerSlowerThanTheIdleTimeout() throws Exception {
		Path script = FakeCli.script(this.directory, "read -r line\n" + FakeCli.print(FakeCli.INIT)
				+ FakeCli.print(FakeCli.ASSISTANT) + FakeCli.print(FakeCli.RESULT) + "cat > /dev/null\n");
		ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(script).idleTimeout(Duration.ofMillis(300)).build();
		List<String> types = new ArrayList<>();
		try (ClaudeCodeRun run = CliClaudeCodeClient.builder().defaultOptions(options).build().query("hello")) {
			for (ClaudeMessage message : run) {
				types.add(message.type());
				// The CLI wrote everything at once; the consumer takes its time
				Thread.sleep(600);
			}
		}
		assertThat(types).containsExactly("system", "assistant", "result");
	}

	@Test
	void aLineCutWhereItsPrefixIsNoWholeObjectIsNotSplit() {
		assertThat(StreamJsonLineReader.isWholeJsonObject("{\"a\":{\"b\":1}")).isFalse();
		assertThat(StreamJsonLineReader.isWholeJsonObject("{\"a\":\"}\"")).isFalse();
		assertThat(StreamJsonLineReader.isWholeJsonObject("{\"a\":\"\\\"}\"}")).isTrue();
		assertThat(StreamJsonLineReader.isWholeJsonObject("{\"a\":[1,{}]} ")).isTrue();
		assertThat(StreamJsonLineReader.isWholeJsonObject("{} {}")).isFalse();
	}

	@Test
	void controlRequestsOfTheCliAreAnsweredAndNotDelivered() throws Exception {
		Path answer = this.directory.resolve("answer");
		Path script = FakeCli.script(this.directory, "read -r line\n" + FakeCli.print(FakeCli.INIT)
				+ FakeCli.print("{\"type\":\"control_request\",\"request_id\":\"cli-7\",\"request\":{\"subtype\":\"can_use_tool\"}}")
				+ "read -r reply\necho \"$reply\" > " + answer + "\n" + FakeCli.print(FakeCli.RESULT)
				+ "cat > /dev/null\n");
		List<String> types = new ArrayList<>();
		try (ClaudeCodeRun run = client(script).query("hello")) {
			run.forEach((message) -> types.add(message.type()));
		}
		assertThat(types).containsExactly("system", "result");
		assertThat(Files.readString(answer).trim()).isEqualTo("{\"type\":\"control_response\",\"response\":"
				+ "{\"subtype\":\"error\",\"request_id\":\"cli-7\",\"error\":\"No permission handler is configured in the client\"}}");
	}

	@Test
	void interruptSendsAnInterruptControlRequest() throws Exception {
		Path request = this.directory.resolve("request");
		Path script = FakeCli.script(this.directory, "read -r line\n" + FakeCli.print(FakeCli.INIT)
				+ "read -r interrupt\necho \"$interrupt\" > " + request + "\n"
				+ FakeCli.print(FakeCli.RESULT.replace("success", "error_during_execution")) + "cat > /dev/null\n");
		try (ClaudeCodeRun run = client(script).query("hello")) {
			Iterator<ClaudeMessage> messages = run.iterator();
			assertThat(messages.next()).isInstanceOf(SystemMessage.class);
			run.interrupt();
			assertThat(messages.next()).isInstanceOfSatisfying(ResultMessage.class,
					(result) -> assertThat(result.subtype()).isEqualTo("error_during_execution"));
			assertThat(messages.hasNext()).isFalse();
		}
		assertThat(Files.readString(request)).matches(
				"\\{\"type\":\"control_request\",\"request_id\":\"req_\\w+_1\",\"request\":\\{\"subtype\":\"interrupt\"}}\\s*");
	}

	@Test
	void iteratorCanBeObtainedOnlyOnce() throws Exception {
		Path script = FakeCli.script(this.directory,
				"read -r line\n" + FakeCli.print(FakeCli.RESULT) + "cat > /dev/null\n");
		try (ClaudeCodeRun run = client(script).query("hello")) {
			run.iterator();
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(run::iterator);
		}
	}

	@Test
	void sessionSendsEveryPromptToTheSameProcess() throws Exception {
		Path stdin = this.directory.resolve("stdin");
		Path script = FakeCli.script(this.directory, "while read -r line; do echo \"$line\" >> " + stdin + "\n"
				+ FakeCli.print(FakeCli.INIT) + FakeCli.print(FakeCli.RESULT.replace("\"hi\"", "\"pid-'$$'\"")) + "done\n");
		try (ClaudeCodeSession session = client(script).openSession()) {
			assertThat(session.sessionId()).isNull();
			ResultMessage first = session.send("one").awaitResult();
			assertThat(session.sessionId()).isEqualTo(FakeCli.SESSION_ID);
			ResultMessage second = session.send("two").awaitResult();
			assertThat(second.result()).startsWith("pid-").isEqualTo(first.result());
		}
		List<String> lines = Files.readAllLines(stdin);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).contains("\"content\":\"one\"").contains("\"session_id\":\"\"");
		assertThat(lines.get(1)).contains("\"content\":\"two\"").contains("\"session_id\":\"" + FakeCli.SESSION_ID + "\"");
	}

	@Test
	void sessionRefusesAPromptWhileTheRunBeforeIsInProgress() throws Exception {
		Path script = FakeCli.script(this.directory, "read -r line\n" + FakeCli.print(FakeCli.INIT) + "sleep 300\n");
		try (ClaudeCodeSession session = client(script).openSession()) {
			session.send("one");
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> session.send("two"))
				.withMessageContaining("has not ended");
		}
	}

	@Test
	void closingASessionRunEarlyInterruptsTheTurnAndKeepsTheSession() throws Exception {
		Path script = FakeCli.script(this.directory, "while read -r line; do\n"
				+ "  if [[ \"$line\" == *interrupt* ]]; then " + FakeCli.print(FakeCli.RESULT.replace("success", "error_during_execution"))
				+ "  else " + FakeCli.print(FakeCli.INIT) + FakeCli.print(FakeCli.ASSISTANT) + "  fi\ndone\n");
		try (ClaudeCodeSession session = client(script).openSession()) {
			try (ClaudeCodeRun run = session.send("one")) {
				assertThat(run.iterator().next()).isInstanceOf(SystemMessage.class);
			}
			List<String> types = new ArrayList<>();
			try (ClaudeCodeRun run = session.send("two")) {
				Iterator<ClaudeMessage> messages = run.iterator();
				types.add(messages.next().type());
				types.add(messages.next().type());
				run.interrupt();
				messages.forEachRemaining((message) -> types.add(message.type()));
			}
			assertThat(types).containsExactly("system", "assistant", "result");
		}
	}

	@Test
	void closingASessionRunEarlyDiscardsItsBackgroundTasksTurnUpToTheLastResult() throws Exception {
		String taskStarted = "{\"type\":\"system\",\"subtype\":\"task_started\",\"task_id\":\"t1\","
				+ "\"task_type\":\"local_agent\",\"is_backgrounded\":true,\"session_id\":\"" + FakeCli.SESSION_ID + "\"}";
		String taskNotification = "{\"type\":\"system\",\"subtype\":\"task_notification\",\"task_id\":\"t1\","
				+ "\"status\":\"completed\",\"session_id\":\"" + FakeCli.SESSION_ID + "\"}";
		Path script = FakeCli.script(this.directory, "n=0\nwhile read -r line; do\n"
				+ "  if [[ \"$line\" == *interrupt* ]]; then continue; fi\n  n=$((n+1))\n" + FakeCli.print(FakeCli.INIT)
				+ FakeCli.print(taskStarted) + FakeCli.print(FakeCli.RESULT.replace("\"hi\"", "\"first-'$n'\""))
				+ "  sleep 0.3\n" + FakeCli.print(taskNotification) + FakeCli.print(FakeCli.INIT)
				+ FakeCli.print(FakeCli.ASSISTANT) + FakeCli.print(FakeCli.RESULT.replace("\"hi\"", "\"last-'$n'\""))
				+ "done\n");
		try (ClaudeCodeSession session = client(script).openSession()) {
			try (ClaudeCodeRun run = session.send("one")) {
				assertThat(run.iterator().next()).isInstanceOf(SystemMessage.class);
			}
			List<String> results = new ArrayList<>();
			try (ClaudeCodeRun run = session.send("two")) {
				run.forEach((message) -> {
					if (message instanceof ResultMessage result) {
						results.add(result.result());
					}
				});
			}
			assertThat(results).containsExactly("first-2", "last-2");
		}
	}

	@Test
	void timeoutOfASessionRunClosesTheSession() throws Exception {
		Path script = FakeCli.script(this.directory, "read -r line\n" + FakeCli.print(FakeCli.INIT) + "sleep 300\n");
		ClaudeCodeOptions options = ClaudeCodeOptions.builder().idleTimeout(Duration.ofMillis(300)).build();
		try (ClaudeCodeSession session = client(script).openSession(options)) {
			assertThatExceptionOfType(ClaudeCodeTimeoutException.class)
				.isThrownBy(() -> session.send("one").awaitResult())
				.withMessageContaining("the session's CLI process was stopped");
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> session.send("two"))
				.withMessageContaining("closed");
		}
	}

	@Test
	void closingTheSessionFromAnotherThreadEndsTheRunBeingIterated() throws Exception {
		Path script = FakeCli.script(this.directory, "read -r line\n" + FakeCli.print(FakeCli.INIT) + "sleep 300\n");
		ClaudeCodeSession session = client(script).openSession();
		List<String> types = new ArrayList<>();
		try (ClaudeCodeRun run = session.send("one")) {
			Iterator<ClaudeMessage> messages = run.iterator();
			types.add(messages.next().type());
			Thread closer = new Thread(session::close);
			closer.start();
			messages.forEachRemaining((message) -> types.add(message.type()));
			closer.join();
		}
		assertThat(types).containsExactly("system");
	}

	@Test
	void resumedSessionPassesTheSessionIdToTheCli() throws Exception {
		Path args = this.directory.resolve("args");
		Path script = FakeCli.script(this.directory, "printf '%s\\n' \"$@\" > " + args + "\nsleep 300\n");
		try (ClaudeCodeSession session = client(script).resumeSession(EARLIER_SESSION, null)) {
			assertThat(session.sessionId()).isEqualTo(EARLIER_SESSION);
			await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(args) && Files.size(args) > 0);
			assertThat(Files.readAllLines(args)).contains("--resume=" + EARLIER_SESSION);
		}
	}

	@Test
	void mcpServersGoToAnOwnerOnlyFileThatIsDeletedWhenTheProcessEnds() throws Exception {
		Path out = this.directory.resolve("out");
		Path script = FakeCli.script(this.directory,
				"printf '%s\\n' \"$@\" > " + out + ".args\n" + "for a in \"$@\"; do case \"$a\" in --mcp-config=*) f=\"${a#--mcp-config=}\";"
						+ " echo \"$f\" > " + out + ".path; stat -c %a \"$f\" > " + out + ".mode; cat \"$f\" > " + out
						+ ".mcp;; esac; done\nread -r line\n" + FakeCli.print(FakeCli.RESULT));
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.mcpServers(Map.of("remote", McpServerConfig.http("https://mcp.example/mcp",
					Map.of("Authorization", "Bearer sk-secret"))))
			.build();
		client(script).query("hello", options).awaitResult();
		assertThat(Files.readString(Path.of(out + ".args"))).doesNotContain("sk-secret");
		assertThat(Files.readString(Path.of(out + ".mode")).trim()).isEqualTo("600");
		assertThat(Files.readString(Path.of(out + ".mcp"))).contains("Bearer sk-secret");
		Path file = Path.of(Files.readString(Path.of(out + ".path")).trim());
		await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(file));
	}

	@Test
	void theClientIdentifiesItselfAsTheOfficialSdksDo() throws Exception {
		Path out = this.directory.resolve("env");
		Path script = FakeCli.script(this.directory, "echo \"$CLAUDE_CODE_ENTRYPOINT|$CLAUDE_AGENT_SDK_CLIENT_APP\" > "
				+ out + "\nread -r line\n" + FakeCli.print(FakeCli.RESULT));
		client(script).query("hello").awaitResult();
		assertThat(Files.readString(out).trim()).startsWith("sdk-java|claude-code-observability");
		client(script).query("hello", ClaudeCodeOptions.builder().environmentVariable("CLAUDE_CODE_ENTRYPOINT", "mine").build())
			.awaitResult();
		assertThat(Files.readString(out).trim()).startsWith("mine|claude-code-observability");
	}

	@Test
	void aSessionIdThatIsNoUuidFailsBeforeAnyProcessStarts() throws Exception {
		Path started = this.directory.resolve("started");
		Path script = FakeCli.script(this.directory, "touch " + started + "\nsleep 300\n");
		ClaudeCodeClient client = client(script);
		assertThatIllegalArgumentException().isThrownBy(() -> client.resumeSession("--dangerously-skip-permissions", null))
			.withMessage("The session id to resume must be a UUID, but was '--dangerously-skip-permissions'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.openSession(
					ClaudeCodeOptions.builder().session(SessionOptions.withId("--version")).build()))
			.withMessage("The chosen session id must be a UUID, but was '--version'");
		assertThat(started).doesNotExist();
	}

	@Test
	void aChosenSessionIdIsTheSessionsIdFromTheStart() throws Exception {
		Path args = this.directory.resolve("args");
		Path script = FakeCli.script(this.directory, "printf '%s\\n' \"$@\" > " + args + "\nsleep 300\n");
		ClaudeCodeOptions options = ClaudeCodeOptions.builder()
			.session(SessionOptions.builder().sessionId(CHOSEN_SESSION).name("nightly report").build())
			.persistSession(false)
			.build();
		try (ClaudeCodeSession session = client(script).openSession(options)) {
			assertThat(session.sessionId()).isEqualTo(CHOSEN_SESSION);
			await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(args) && Files.size(args) > 0);
			assertThat(Files.readAllLines(args)).contains("--session-id=" + CHOSEN_SESSION, "--name=nightly report",
					"--no-session-persistence");
		}
	}

	@Test
	void missingCliFailsWithTheSearchedPlaces() {
		ClaudeCodeClient client = CliClaudeCodeClient.builder()
			.defaultOptions(ClaudeCodeOptions.builder().cliPath(this.directory.resolve("no-such-claude")).build())
			.build();
		assertThatExceptionOfType(ClaudeCodeCliNotFoundException.class).isThrownBy(() -> client.query("hello"))
			.withMessageContaining(this.directory.resolve("no-such-claude").toString());
	}

	@Test
	void sessionClosedWhenItsCliHasExitedReportsTheExit() throws Exception {
		Path script = FakeCli.script(this.directory, "echo 'fatal: bad flag' >&2\nexit 1\n");
		ClaudeCodeSession session = client(script).openSession();
		try (session) {
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThatExceptionOfType(
					ClaudeCodeProcessException.class).isThrownBy(() -> session.send("hello").awaitResult())
				.satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(1))
				.withMessageContaining("fatal: bad flag"));
		}
	}

}
