package io.agentobs.claudecode.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeProcessException;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.ClaudeProcessListener;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.client.options.SessionOptions;
import io.agentobs.claudecode.testsupport.FakeCli;
import io.agentobs.claudecode.testsupport.InMemorySessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A session with a process per turn ({@link ClaudeCodeOptions#isProcessPerTurn()}) against a
 * fake CLI that logs, per process, its arguments, environment, input, start and exit: every
 * prompt gets a process of its own that resumes the session the first one started, with the
 * process listener's environment of that moment, after the one before has exited.
 */
@Timeout(60)
class ProcessPerTurnSessionTests {

	/** The session id the fake CLI's {@code init} reports. */
	private static final String SESSION = "3f1c9a2e-8b7d-4e6f-a5c4-1d2e3f4a5b6c";

	private static final String EARLIER_SESSION = "0b6f3f4e-2a4d-4c6e-9f57-1c2d3e4f5a6b";

	private static final String CHOSEN_SESSION = "7d9e1c2a-5b3f-4e8d-a1b2-c3d4e5f6a7b8";

	@TempDir
	Path directory;

	/**
	 * A fake CLI that logs its start and exit to {@code events}, its arguments, environment
	 * and input to files named after its pid, starts a background child that would outlive
	 * it, answers each prompt with {@code init} and a result naming its pid, and each control
	 * request with a success (an interrupt also with the result that ends the turn); a prompt
	 * {@code slow} gets no result until interrupted, a prompt {@code die} makes it exit with 3
	 * after its {@code init}.
	 */
	private Path fakeCli() throws IOException {
		Path dir = this.directory;
		return FakeCli.script(this.directory, "echo \"start $$\" >> " + dir.resolve("events") + "\n"
				+ "trap 'echo \"exit $$ $?\" >> " + dir.resolve("events") + "' EXIT\n"
				+ "printf '%s\\n' \"$@\" > " + dir.resolve("args-") + "$$\n"
				+ "echo \"$TURN_MARK|$OVERRIDDEN\" > " + dir.resolve("env-") + "$$\n"
				+ "sleep 300 > /dev/null 2>&1 < /dev/null &\necho $! >> " + dir.resolve("children") + "\n"
				+ "while read -r line; do\n  echo \"$line\" >> " + dir.resolve("stdin-") + "$$\n"
				+ "  case \"$line\" in\n    *'\"type\":\"control_request\"'*)\n"
				+ "      id=$(echo \"$line\" | sed 's/.*\"request_id\":\"\\([^\"]*\\)\".*/\\1/')\n"
				+ "      echo '{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\",\"request_id\":\"'$id'\",\"response\":{}}}'\n"
				+ "      case \"$line\" in *'\"subtype\":\"interrupt\"'*)\n"
				+ "        " + FakeCli.print("{\"type\":\"result\",\"subtype\":\"error_during_execution\",\"is_error\":true,"
						+ "\"num_turns\":1,\"session_id\":\"" + SESSION + "\"}")
				+ "      esac ;;\n"
				+ "    *'\"type\":\"user\"'*)\n"
				+ "      " + FakeCli.print("{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"" + SESSION
						+ "\",\"model\":\"claude-sonnet-4-5\"}")
				+ "      case \"$line\" in *'\"content\":\"slow\"'*) continue ;; *'\"content\":\"die\"'*) exit 3 ;; esac\n"
				+ "      " + FakeCli.print("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"num_turns\":1,"
						+ "\"result\":\"pid-'$$'\",\"session_id\":\"" + SESSION + "\"}")
				+ "      ;;\n  esac\ndone\n");
	}

	private ClaudeCodeClient client(ClaudeCodeOptions.Builder defaults) throws IOException {
		return CliClaudeCodeClient.builder().defaultOptions(defaults.cliPath(fakeCli()).build()).build();
	}

	private static ClaudeCodeOptions.Builder perTurn() {
		return ClaudeCodeOptions.builder().model("claude-sonnet-4-5").processPerTurn(true);
	}

	/** The started processes' pids, in start order. */
	private List<String> started() throws IOException {
		return events().stream().filter((event) -> event.startsWith("start ")).map((event) -> event.substring(6)).toList();
	}

	private List<String> events() throws IOException {
		Path events = this.directory.resolve("events");
		return Files.exists(events) ? Files.readAllLines(events) : List.of();
	}

	private List<String> argumentsOf(String pid) throws IOException {
		return Files.readAllLines(this.directory.resolve("args-" + pid));
	}

	private String environmentOf(String pid) throws IOException {
		return Files.readString(this.directory.resolve("env-" + pid)).trim();
	}

	private List<ProcessHandle> children() throws IOException {
		List<ProcessHandle> children = new ArrayList<>();
		for (String pid : Files.readAllLines(this.directory.resolve("children"))) {
			ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(children::add);
		}
		return children;
	}

	@Test
	void everyPromptStartsAProcessThatResumesTheSessionTheFirstStarted() throws Exception {
		try (ClaudeCodeSession session = client(perTurn()).openSession()) {
			assertThat(started()).as("no process before the first prompt").isEmpty();
			ResultMessage first = session.send("one").awaitResult();
			assertThat(session.sessionId()).isEqualTo(SESSION);
			ResultMessage second = session.send("two").awaitResult();
			List<String> pids = started();
			assertThat(pids).hasSize(2).doesNotHaveDuplicates();
			assertThat(first.result()).isEqualTo("pid-" + pids.get(0));
			assertThat(second.result()).isEqualTo("pid-" + pids.get(1));
			assertThat(argumentsOf(pids.get(0))).contains("--model=claude-sonnet-4-5")
				.noneMatch((argument) -> argument.startsWith("--resume"));
			assertThat(argumentsOf(pids.get(1))).contains("--model=claude-sonnet-4-5", "--resume=" + SESSION);
			assertThat(Files.readAllLines(this.directory.resolve("stdin-" + pids.get(1)))).singleElement()
				.satisfies((line) -> assertThat(line).contains("\"content\":\"two\"")
					.contains("\"session_id\":\"" + SESSION + "\""));
		}
	}

	@Test
	void laterProcessesResumeTheSessionItselfNotTheForkOrChosenIdOfTheFirst() throws Exception {
		ClaudeCodeClient client = client(perTurn());
		try (ClaudeCodeSession forked = client.openSession(ClaudeCodeOptions.builder()
			.session(SessionOptions.builder().resume(EARLIER_SESSION).fork(true).build())
			.build())) {
			forked.send("one").awaitResult();
			forked.send("two").awaitResult();
		}
		try (ClaudeCodeSession chosen = client.openSession(ClaudeCodeOptions.builder()
			.session(SessionOptions.builder().sessionId(CHOSEN_SESSION).name("nightly report").build())
			.build())) {
			chosen.send("one").awaitResult();
			chosen.send("two").awaitResult();
		}
		List<String> pids = started();
		assertThat(pids).hasSize(4);
		assertThat(argumentsOf(pids.get(0))).contains("--resume=" + EARLIER_SESSION, "--fork-session");
		assertThat(argumentsOf(pids.get(1))).contains("--resume=" + SESSION)
			.noneMatch((argument) -> argument.equals("--fork-session") || argument.startsWith("--session-id")
					|| argument.equals("--resume=" + EARLIER_SESSION));
		assertThat(argumentsOf(pids.get(2))).contains("--session-id=" + CHOSEN_SESSION, "--name=nightly report");
		// The fake CLI reports its own session id: a later process resumes what the CLI started
		assertThat(argumentsOf(pids.get(3))).contains("--resume=" + SESSION)
			.noneMatch((argument) -> argument.equals("--fork-session") || argument.startsWith("--session-id"));
	}

	@Test
	void eachProcessGetsTheListenersEnvironmentOfItsOwnTurn() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		ClaudeProcessListener listener = new ClaudeProcessListener() {

			@Override
			public Map<String, String> environment() {
				return Map.of("TURN_MARK", "turn-" + calls.incrementAndGet(), "OVERRIDDEN", "listener");
			}

		};
		ClaudeCodeOptions.Builder defaults = perTurn().processListener(listener)
			.environment(Map.of("OVERRIDDEN", "options"));
		try (ClaudeCodeSession session = client(defaults).openSession()) {
			assertThat(calls).hasValue(0);
			session.send("one").awaitResult();
			assertThat(calls).hasValue(1);
			session.send("two").awaitResult();
			assertThat(calls).hasValue(2);
		}
		List<String> pids = started();
		assertThat(environmentOf(pids.get(0))).isEqualTo("turn-1|options");
		assertThat(environmentOf(pids.get(1))).isEqualTo("turn-2|options");
	}

	@Test
	void theModelAndPermissionModeSetDuringTheSessionGoToTheNextProcess() throws Exception {
		try (ClaudeCodeSession session = client(perTurn().permissionMode("default")).openSession()) {
			session.send("one").awaitResult();
			session.setModel("claude-opus-4-1");
			session.setPermissionMode("plan");
			session.send("two").awaitResult();
		}
		List<String> pids = started();
		assertThat(pids).hasSize(2);
		// The process of the turn the change came in got it as control requests
		assertThat(Files.readString(this.directory.resolve("stdin-" + pids.get(0))))
			.contains("{\"subtype\":\"set_model\",\"model\":\"claude-opus-4-1\"}")
			.contains("{\"subtype\":\"set_permission_mode\",\"mode\":\"plan\"}");
		assertThat(argumentsOf(pids.get(1))).contains("--model=claude-opus-4-1", "--permission-mode=plan")
			.doesNotContain("--model=claude-sonnet-4-5", "--permission-mode=default");
	}

	@Test
	void aControlCallBeforeTheFirstPromptStartsTheProcessOfTheFirstTurn() throws Exception {
		try (ClaudeCodeSession session = client(perTurn()).openSession()) {
			session.setModel("claude-opus-4-1");
			assertThat(started()).hasSize(1);
			ResultMessage first = session.send("one").awaitResult();
			assertThat(started()).hasSize(1);
			assertThat(first.result()).isEqualTo("pid-" + started().get(0));
			session.send("two").awaitResult();
		}
		List<String> pids = started();
		assertThat(pids).hasSize(2);
		assertThat(argumentsOf(pids.get(0))).contains("--model=claude-sonnet-4-5");
		assertThat(argumentsOf(pids.get(1))).contains("--model=claude-opus-4-1", "--resume=" + SESSION);
	}

	@Test
	void aTurnClosedBeforeItsResultIsInterruptedAndTheNextTurnResumesInANewProcess() throws Exception {
		try (ClaudeCodeSession session = client(perTurn()).openSession()) {
			try (ClaudeCodeRun run = session.send("slow")) {
				assertThat(run.iterator().next()).isInstanceOf(SystemMessage.class);
			}
			ResultMessage second = session.send("two").awaitResult();
			List<String> pids = started();
			assertThat(pids).hasSize(2);
			assertThat(second.result()).isEqualTo("pid-" + pids.get(1));
			assertThat(Files.readString(this.directory.resolve("stdin-" + pids.get(0))))
				.contains("\"subtype\":\"interrupt\"");
			assertThat(argumentsOf(pids.get(1))).contains("--resume=" + SESSION);
		}
	}

	@Test
	void aTurnWhoseCliDiesFailsAndTheNextTurnResumesInANewProcess() throws Exception {
		try (ClaudeCodeSession session = client(perTurn()).openSession()) {
			session.send("one").awaitResult();
			assertThatExceptionOfType(ClaudeCodeProcessException.class)
				.isThrownBy(() -> session.send("die").awaitResult())
				.satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(3));
			ResultMessage third = session.send("three").awaitResult();
			List<String> pids = started();
			assertThat(pids).hasSize(3);
			assertThat(third.result()).isEqualTo("pid-" + pids.get(2));
			assertThat(argumentsOf(pids.get(2))).contains("--resume=" + SESSION);
		}
	}

	@Test
	void theProcessOfTheTurnBeforeHasExitedOnItsEndOfInputWhenTheNextStarts() throws Exception {
		try (ClaudeCodeSession session = client(perTurn()).openSession()) {
			session.send("one").awaitResult();
			session.send("two").awaitResult();
			session.send("three").awaitResult();
			List<String> pids = started();
			assertThat(pids).hasSize(3);
			// exit code 0: it ended its input loop, it was not killed
			assertThat(events()).startsWith("start " + pids.get(0), "exit " + pids.get(0) + " 0", "start " + pids.get(1),
					"exit " + pids.get(1) + " 0", "start " + pids.get(2));
		}
	}

	@Test
	void noProcessOfAnyTurnOutlivesTheSession() throws Exception {
		List<ProcessHandle> processes = new ArrayList<>();
		try (ClaudeCodeSession session = client(perTurn()).openSession()) {
			session.send("one").awaitResult();
			session.send("two").awaitResult();
			for (String pid : started()) {
				ProcessHandle.of(Long.parseLong(pid)).ifPresent(processes::add);
			}
			List<ProcessHandle> children = children();
			assertThat(children).hasSize(2);
			// The first turn's child, orphaned when its CLI exited, ended with that turn's process
			assertThat(ProcessTree.isRunning(children.get(0))).isFalse();
			assertThat(ProcessTree.isRunning(children.get(1))).isTrue();
			processes.addAll(children);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> processes.stream().noneMatch(ProcessTree::isRunning));
	}

	@Test
	void aProcessPerTurnWithoutPersistedSessionOrStoreIsRefusedBeforeAnyProcessStarts() throws Exception {
		ClaudeCodeClient client = client(perTurn().persistSession(false));
		assertThatIllegalArgumentException().isThrownBy(client::openSession)
			.withMessageContaining("process per turn")
			.withMessageContaining("persist-session");
		assertThat(started()).isEmpty();
	}

	@Test
	void aSessionStoreWithoutPersistedSessionsIsRefused() throws Exception {
		// The CLI mirrors to the store only what it writes locally (the TypeScript SDK refuses it too)
		CliClaudeCodeClient.Builder builder = CliClaudeCodeClient.builder()
			.defaultOptions(perTurn().persistSession(false).cliPath(fakeCli()).build())
			.sessionStore(new InMemorySessionStore());
		assertThatIllegalStateException().isThrownBy(builder::build)
			.withMessageContaining("claude-code.sessions.store")
			.withMessageContaining("claude-code.persist-session");
		ClaudeCodeClient client = CliClaudeCodeClient.builder()
			.defaultOptions(perTurn().cliPath(fakeCli()).build())
			.sessionStore(new InMemorySessionStore())
			.build();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.openSession(ClaudeCodeOptions.builder().persistSession(false).build()))
			.withMessageContaining("persist-session");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.query("one", ClaudeCodeOptions.builder().persistSession(false).build()))
			.withMessageContaining("persist-session");
		assertThat(started()).isEmpty();
	}

	@Test
	void aQueryWithAProcessPerTurnDefaultRunsWithoutPersistedSession() throws Exception {
		// A one-shot query never resumes: the client's process-per-turn default does not concern it
		ClaudeCodeClient client = client(perTurn().persistSession(false));
		assertThat(client.query("one").awaitResult().result()).startsWith("pid-");
		assertThat(started()).hasSize(1);
		assertThat(argumentsOf(started().get(0))).contains("--no-session-persistence");
	}

	@Test
	void aSessionWithoutProcessPerTurnKeepsOneProcessForAllPrompts() throws Exception {
		try (ClaudeCodeSession session = client(ClaudeCodeOptions.builder()).openSession()) {
			ResultMessage first = session.send("one").awaitResult();
			ResultMessage second = session.send("two").awaitResult();
			assertThat(second.result()).isEqualTo(first.result());
		}
		assertThat(started()).hasSize(1);
	}

	@Test
	void aListenerThatFailsDoesNotStopTheTurns() throws Exception {
		ClaudeProcessListener failing = new ClaudeProcessListener() {

			@Override
			public Map<String, String> environment() {
				throw new IllegalStateException("broken listener");
			}

		};
		try (ClaudeCodeSession session = client(perTurn().processListener(failing)).openSession()) {
			session.send("one").awaitResult();
			session.send("two").awaitResult();
		}
		List<String> pids = started();
		assertThat(pids).hasSize(2);
		assertThat(environmentOf(pids.get(1))).isEqualTo("|");
	}

}
