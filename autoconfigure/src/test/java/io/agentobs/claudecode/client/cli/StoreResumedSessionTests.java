package io.agentobs.claudecode.client.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeException;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.ClaudeProcessListener;
import io.agentobs.claudecode.metrics.SessionStoreMeters;
import io.agentobs.claudecode.session.ProjectKeys;
import io.agentobs.claudecode.session.SessionEntry;
import io.agentobs.claudecode.session.SessionKey;
import io.agentobs.claudecode.session.SessionMirrorListener;
import io.agentobs.claudecode.testsupport.FakeCli;
import io.agentobs.claudecode.testsupport.InMemorySessionStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A session resumed from a session store, against a fake CLI that copies what it finds in
 * its config directory: the store is checked at resume, and loaded into the process's config
 * directory at the first prompt, the process listener told before the process starts.
 */
@Timeout(60)
class StoreResumedSessionTests {

	private static final String STORED_SESSION = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";

	private static final String UNKNOWN_SESSION = "9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e6f";

	/** The session id the fake CLI of a new session reports. */
	private static final String NEW_SESSION = "3f1c9a2e-8b7d-4e6f-a5c4-1d2e3f4a5b6c";

	private static final String[] MAIN_LINES = { "{\"type\":\"user\",\"uuid\":\"u1\",\"message\":{\"content\":\"Case 4711\"}}",
			"{\"type\":\"assistant\",\"uuid\":\"a1\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"Noted.\"}]}}",
			"{\"type\":\"custom-title\",\"customTitle\":\"case\"}" };

	private static final String SUBAGENT_LINE = "{\"type\":\"user\",\"uuid\":\"s1\",\"isSidechain\":true}";

	@TempDir
	Path directory;

	private Path workingDirectory;

	private String projectKey;

	private final InMemorySessionStore store = new InMemorySessionStore();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	@BeforeEach
	void storeASession() throws IOException {
		this.workingDirectory = Files.createDirectory(this.directory.resolve("work")).toRealPath();
		this.projectKey = ProjectKeys.of(this.workingDirectory);
		this.store.put(SessionKey.main(this.projectKey, STORED_SESSION), MAIN_LINES)
			.put(new SessionKey(this.projectKey, STORED_SESSION, "subagents/agent-a1"), SUBAGENT_LINE);
	}

	/**
	 * A fake CLI that logs its start and arguments, copies the transcript it resumes and
	 * lists its config directory's files, then answers each prompt with {@code init}, a
	 * mirrored transcript entry and a result; at the end of its input it mirrors one more
	 * entry (as the CLI does with its cost state) and exits.
	 */
	private Path fakeCli() throws IOException {
		Path dir = this.directory;
		String frame = "{\"type\":\"transcript_mirror\",\"filePath\":\"'$CLAUDE_CONFIG_DIR'/projects/" + this.projectKey
				+ "/" + NEW_SESSION + ".jsonl\",\"entries\":[{\"type\":\"ENTRY\",\"uuid\":\"ENTRY-'$$'\"}]}";
		return FakeCli.script(this.directory, "echo \"start $$\" >> " + dir.resolve("events") + "\n"
				+ "printf '%s\\n' \"$@\" > " + dir.resolve("args-") + "$$\n"
				+ "for a in \"$@\"; do case \"$a\" in --resume=*) resumed=\"${a#--resume=}\";; esac; done\n"
				+ "if [ -n \"$resumed\" ]; then\n"
				+ "  cat \"$CLAUDE_CONFIG_DIR/projects/" + this.projectKey + "/$resumed.jsonl\" > " + dir.resolve("transcript-") + "$$\n"
				+ "  (cd \"$CLAUDE_CONFIG_DIR\" && find projects -type f | sort) > " + dir.resolve("files-") + "$$\n"
				+ "  (cd \"$CLAUDE_CONFIG_DIR\" && find projects -type f -exec cat {} +) | wc -c > " + dir.resolve("bytes-") + "$$\n"
				+ "fi\n"
				+ "sid=${resumed:-" + NEW_SESSION + "}\n"
				+ "while read -r line; do\n  case \"$line\" in\n    *'\"type\":\"user\"'*)\n"
				+ "      echo '{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"'$sid'\",\"model\":\"claude-sonnet-4-5\"}'\n"
				+ "      " + FakeCli.print(frame.replace("ENTRY", "turn"))
				+ "      echo '{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"num_turns\":1,"
				+ "\"result\":\"pid-'$$'\",\"session_id\":\"'$sid'\"}' ;;\n  esac\ndone\n"
				+ FakeCli.print(frame.replace("ENTRY", "exit")));
	}

	private ClaudeCodeClient client(ClaudeCodeOptions.Builder defaults) throws IOException {
		ClaudeProcessListener listener = new ClaudeProcessListener() {

			@Override
			public Map<String, String> environment() {
				StoreResumedSessionTests.this.calls.add("environment");
				return Map.of();
			}

			@Override
			public void sessionLoadStarted(String sessionId) {
				StoreResumedSessionTests.this.calls.add("loadStarted " + sessionId + started());
			}

			@Override
			public void sessionLoadFinished(String sessionId, long entries, long bytes, Throwable failure) {
				StoreResumedSessionTests.this.calls.add("loadFinished " + sessionId + " " + entries + " " + bytes + " "
						+ ((failure != null) ? failure.getMessage() : null) + started());
			}

		};
		return CliClaudeCodeClient.builder()
			.defaultOptions(defaults.cliPath(fakeCli())
				.workingDirectory(this.workingDirectory)
				.processListener(listener)
				.build())
			.sessionStore(this.store)
			.build();
	}

	/** How many CLI processes have started by now, for the listener's calls. */
	private String started() {
		try {
			return " after " + startedPids().size() + " starts";
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> startedPids() throws IOException {
		Path events = this.directory.resolve("events");
		return Files.exists(events) ? Files.readAllLines(events).stream().map((line) -> line.substring(6)).toList()
				: List.of();
	}

	private String outputOf(String name, String pid) throws IOException {
		return Files.readString(this.directory.resolve(name + "-" + pid));
	}

	@Test
	void resumingASessionTheStoreDoesNotHaveFailsNamingItBeforeAnyProcessStarts() throws Exception {
		ClaudeCodeClient client = client(ClaudeCodeOptions.builder());
		assertThatExceptionOfType(ClaudeCodeException.class).isThrownBy(() -> client.resumeSession(UNKNOWN_SESSION, null))
			.withMessage("The session store has no session '" + UNKNOWN_SESSION + "' (project key '" + this.projectKey
					+ "') to resume");
		assertThat(startedPids()).isEmpty();
		assertThat(this.calls).isEmpty();
		assertThat(this.store.loads()).isZero();
	}

	@Test
	void aResumedSessionLoadsTheStoreIntoTheConfigDirectoryOfTheProcessItStartsAtTheFirstPrompt() throws Exception {
		try (ClaudeCodeSession session = client(ClaudeCodeOptions.builder()).resumeSession(STORED_SESSION, null)) {
			assertThat(session.sessionId()).isEqualTo(STORED_SESSION);
			assertThat(this.calls).isEmpty();
			assertThat(this.store.loads()).isZero();
			assertThat(startedPids()).isEmpty();

			session.send("Any news on the case?").awaitResult();
			String pid = startedPids().get(0);
			long bytes = Long.parseLong(outputOf("bytes", pid).trim());
			assertThat(bytes).isEqualTo(String.join("\n", MAIN_LINES).length() + 1 + SUBAGENT_LINE.length() + 1);
			assertThat(this.calls).containsExactly("loadStarted " + STORED_SESSION + " after 0 starts",
					"loadFinished " + STORED_SESSION + " 4 " + bytes + " null after 0 starts", "environment");
			assertThat(outputOf("transcript", pid)).isEqualTo(String.join("\n", MAIN_LINES) + "\n");
			assertThat(outputOf("files", pid).lines()).containsExactly(
					"projects/" + this.projectKey + "/" + STORED_SESSION + ".jsonl",
					"projects/" + this.projectKey + "/" + STORED_SESSION + "/subagents/agent-a1.jsonl");
			assertThat(Files.readAllLines(this.directory.resolve("args-" + pid))).contains("--resume=" + STORED_SESSION,
					"--session-mirror");

			// The session's process goes on: nothing more is loaded
			session.send("And now?").awaitResult();
			assertThat(startedPids()).hasSize(1);
			assertThat(this.calls).hasSize(3);
			assertThat(this.store.loads()).isEqualTo(2);
		}
	}

	@Test
	void aLoadThatFailsFailsThePromptWithoutAProcessAndTheNextPromptLoadsAgain() throws Exception {
		try (ClaudeCodeSession session = client(ClaudeCodeOptions.builder()).resumeSession(STORED_SESSION, null)) {
			IllegalStateException failure = new IllegalStateException("database down");
			this.store.failLoads(failure);
			assertThatIllegalStateException().isThrownBy(() -> session.send("Any news on the case?"))
				.isSameAs(failure);
			assertThat(this.calls).containsExactly("loadStarted " + STORED_SESSION + " after 0 starts",
					"loadFinished " + STORED_SESSION + " 0 0 database down after 0 starts");
			assertThat(startedPids()).isEmpty();

			this.store.failLoads(null);
			this.calls.clear();
			assertThat(session.send("Any news on the case?").awaitResult().result()).startsWith("pid-");
			assertThat(this.calls).containsExactly("loadStarted " + STORED_SESSION + " after 0 starts",
					"loadFinished " + STORED_SESSION + " 4 " + (String.join("\n", MAIN_LINES).length() + 1
							+ SUBAGENT_LINE.length() + 1) + " null after 0 starts",
					"environment");
		}
	}

	@Test
	void theBytesOfALoadAreTheUtf8SizeOfTheTranscriptTheCliGets() throws Exception {
		String[] lines = { "{\"type\":\"user\",\"uuid\":\"u1\",\"message\":{\"content\":\"Grüße aus 東京 🚀\"}}" };
		String sessionId = "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e";
		this.store.put(SessionKey.main(this.projectKey, sessionId), lines);
		try (ClaudeCodeSession session = client(ClaudeCodeOptions.builder()).resumeSession(sessionId, null)) {
			session.send("Any news?").awaitResult();
			String pid = startedPids().get(0);
			long bytes = Long.parseLong(outputOf("bytes", pid).trim());
			assertThat(bytes).isEqualTo(lines[0].getBytes(StandardCharsets.UTF_8).length + 1);
			assertThat(this.calls).contains("loadFinished " + sessionId + " 1 " + bytes + " null after 0 starts");
			assertThat(outputOf("transcript", pid)).isEqualTo(lines[0] + "\n");
		}
	}

	@Test
	void theLoadsAreMetered() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ClaudeCodeClient client = CliClaudeCodeClient.builder()
			.defaultOptions(ClaudeCodeOptions.builder().cliPath(fakeCli()).workingDirectory(this.workingDirectory).build())
			.sessionStore(this.store)
			.sessionMirrorListener(new SessionStoreMeters(meters))
			.build();
		try (ClaudeCodeSession session = client.resumeSession(STORED_SESSION, null)) {
			this.store.failLoads(new IllegalStateException("database down"));
			assertThatIllegalStateException().isThrownBy(() -> session.send("Any news on the case?"));
			this.store.failLoads(null);
			session.send("Any news on the case?").awaitResult();
		}
		assertThat(meters.get("claude_code.session_store.loads").tag("outcome", "success").timer().count()).isOne();
		assertThat(meters.get("claude_code.session_store.loads").tag("outcome", "failure").timer().count()).isOne();
		assertThat(meters.get("claude_code.session_store.loaded_entries").summary().totalAmount()).isEqualTo(4);
	}

	@Test
	void aMirrorListenerThatFailsOnTheLoadDoesNotStopTheSession() throws Exception {
		SessionMirrorListener failing = new SessionMirrorListener() {

			@Override
			public void loaded(SessionKey key, long entries, long bytes, Duration latency) {
				throw new IllegalStateException("broken meters");
			}

			@Override
			public void loadFailed(SessionKey key, Exception failure, Duration latency) {
				throw new IllegalStateException("broken meters");
			}

		};
		ClaudeCodeClient client = CliClaudeCodeClient.builder()
			.defaultOptions(ClaudeCodeOptions.builder().cliPath(fakeCli()).workingDirectory(this.workingDirectory).build())
			.sessionStore(this.store)
			.sessionMirrorListener(failing)
			.build();
		try (ClaudeCodeSession session = client.resumeSession(STORED_SESSION, null)) {
			IllegalStateException failure = new IllegalStateException("database down");
			this.store.failLoads(failure);
			assertThatIllegalStateException().isThrownBy(() -> session.send("Any news on the case?")).isSameAs(failure);
			this.store.failLoads(null);
			assertThat(session.send("Any news on the case?").awaitResult().result()).startsWith("pid-");
		}
	}

	@Test
	void withAProcessPerTurnEachLaterTurnLoadsWhatTheProcessBeforeMirroredUpToItsExit() throws Exception {
		try (ClaudeCodeSession session = client(ClaudeCodeOptions.builder().processPerTurn(true)).openSession()) {
			session.send("one").awaitResult();
			assertThat(this.calls).as("a new session loads nothing").containsExactly("environment");
			session.send("two").awaitResult();
		}
		List<String> pids = startedPids();
		assertThat(pids).hasSize(2);
		String firstTurn = "{\"type\":\"turn\",\"uuid\":\"turn-" + pids.get(0) + "\"}";
		String firstExit = "{\"type\":\"exit\",\"uuid\":\"exit-" + pids.get(0) + "\"}";
		long bytes = firstTurn.length() + 1 + firstExit.length() + 1;
		assertThat(this.calls).containsExactly("environment", "loadStarted " + NEW_SESSION + " after 1 starts",
				"loadFinished " + NEW_SESSION + " 2 " + bytes + " null after 1 starts", "environment");
		// The entry mirrored after the end of its input is there: the turn waited for the store
		assertThat(outputOf("transcript", pids.get(1))).isEqualTo(firstTurn + "\n" + firstExit + "\n");
		assertThat(Files.readAllLines(this.directory.resolve("args-" + pids.get(1)))).contains("--resume=" + NEW_SESSION);
		// Closing the session waited for the last process's mirror too
		assertThat(this.store.load(SessionKey.main(this.projectKey, NEW_SESSION)).orElseThrow())
			.extracting(SessionEntry::uuid)
			.containsExactly("turn-" + pids.get(0), "exit-" + pids.get(0), "turn-" + pids.get(1), "exit-" + pids.get(1));
	}

}
