package io.agentobs.claudecode.instrument.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeException;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.control.PermissionDecision;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import io.agentobs.claudecode.client.message.ControlMessage;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import io.agentobs.claudecode.testsupport.FakeCli;
import io.agentobs.claudecode.testsupport.TranscriptMutations;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based test over mutated real CLI recordings ({@link Transcripts}): whatever
 * the message sequence, and whether messages are recorded as they arrive or as they are
 * consumed, and whether the consumer reads to the end, stops early or the client fails
 * (the CLI died), every observation is stopped exactly once, children stop no later than their
 * parents, chats and tools sit under an agent with the agent's name, subagents under a tool
 * call or an agent, and the consumer receives every message unchanged and in order. The seed
 * is printed; set {@code -Dfuzz.seed=N} to replay a failing run.
 */
class RecordedMessageFuzzTests {

	private static final int CASES = 1000;

	private static final int PROCESS_CASES = Integer.getInteger("fuzz.processCases", 150);

	private final ClaudeMessageParser parser = new ClaudeMessageParser();

	private final ClaudeCodeMessageAdapter adapter = new ClaudeCodeMessageAdapter();

	@Test
	void everyMutatedRecordingGivesAWellFormedObservationTree() throws IOException {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		System.out.println("RecordedMessageFuzzTests seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
		Random random = new Random(seed);
		List<List<String>> recordings = recordings();
		TranscriptMutations[] mutations = TranscriptMutations.values();
		for (int i = 0; i < CASES; i++) {
			List<String> lines = recordings.get(random.nextInt(recordings.size()));
			List<String> applied = new ArrayList<>();
			for (int m = 1 + random.nextInt(3); m > 0; m--) {
				TranscriptMutations mutation = mutations[random.nextInt(mutations.length)];
				lines = mutation.apply(lines, random);
				applied.add(mutation.name());
			}
			String description = "case " + i + " of seed " + seed + " with " + applied;
			int end = random.nextInt(4);
			int at = random.nextInt(lines.size() + 1);
			runCase(lines, random.nextBoolean(), (end == 0) ? at : -1, (end == 1) ? at : -1, description);
		}
	}

	/**
	 * The same mutated recordings written by a fake CLI process to our own client, observed
	 * as an application observes it, with the ways a CLI ends its output: it reads its prompt
	 * or exits before, ends its last line with a line break or not, exits or keeps running, and
	 * may be asked permissions. Whatever happens, nothing hangs, every observation stops
	 * exactly once, and a run that fails for its consumer fails in the trace:
	 * {@code invoke_agent} has an error and an {@code error.type}.
	 */
	@Test
	void everyRunThatFailsForItsConsumerFailsInTheTrace(@TempDir Path directory) throws IOException {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		System.out.println("RecordedMessageFuzzTests (fake CLI) seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
		Random random = new Random(seed);
		List<List<String>> recordings = recordings();
		TranscriptMutations[] mutations = TranscriptMutations.values();
		int failedForConsumer = 0;
		List<String> violations = new ArrayList<>();
		for (int i = 0; i < PROCESS_CASES; i++) {
			List<String> lines = recordings.get(random.nextInt(recordings.size()));
			List<String> applied = new ArrayList<>();
			for (int m = 1 + random.nextInt(3); m > 0; m--) {
				TranscriptMutations mutation = mutations[random.nextInt(mutations.length)];
				lines = mutation.apply(lines, random);
				applied.add(mutation.name());
			}
			FakeCliEnding ending = new FakeCliEnding(random.nextInt(4) != 0, random.nextInt(4) != 0,
					random.nextInt(3) != 0, random.nextBoolean());
			String description = "process case " + i + " of seed " + seed + " with " + applied + " " + ending;
			Path caseDirectory = Files.createDirectories(directory.resolve("case-" + i));
			try {
				if (runFakeCliCase(caseDirectory, lines, ending, description)) {
					failedForConsumer++;
				}
			}
			catch (AssertionError ex) {
				violations.add(ex.getMessage());
			}
		}
		assertThat(violations).as("%s of %s cases", violations.size(), PROCESS_CASES).isEmpty();
		System.out.println("RecordedMessageFuzzTests (fake CLI): " + failedForConsumer + " of " + PROCESS_CASES
				+ " runs failed for their consumer, each with an error on invoke_agent");
	}

	/**
	 * How a fake CLI ends.
	 * @param readsPrompt whether it reads its prompt before writing
	 * @param finalLineBreak whether its last line ends with a line break
	 * @param exits whether it exits after writing (else it runs until its input is closed)
	 * @param permissionHandler whether the client has a permission handler
	 */
	private record FakeCliEnding(boolean readsPrompt, boolean finalLineBreak, boolean exits,
			boolean permissionHandler) {
	}

	/**
	 * Runs one case through a fake CLI.
	 * @return whether the run failed for its consumer
	 */
	private boolean runFakeCliCase(Path directory, List<String> lines, FakeCliEnding ending, String description)
			throws IOException {
		Path output = directory.resolve("output.jsonl");
		String text = String.join("\n", lines) + (ending.finalLineBreak() ? "\n" : "");
		Files.writeString(output, text);
		Path script = FakeCli.script(directory, (ending.readsPrompt() ? "read -r line\n" : "") + "cat " + output + "\n"
				+ (ending.exits() ? "exit 0\n" : "cat > /dev/null\n"));
		ObservationRegistry registry = ObservationRegistry.create();
		RecordingHandler handler = new RecordingHandler();
		registry.observationConfig().observationHandler(handler);
		ClaudeCodeOptions.Builder options = ClaudeCodeOptions.builder()
			.cliPath(script)
			.idleTimeout(Duration.ofMillis(500))
			.runTimeout(Duration.ofSeconds(20));
		if (ending.permissionHandler()) {
			options.permissionHandler((request) -> PermissionDecision.allow());
		}
		ClaudeCodeClient client = ClaudeCodeObservations.observe(
				CliClaudeCodeClient.builder().defaultOptions(options.build()).build(),
				AgentRunObservations.builder(registry).build());
		RuntimeException failure = null;
		try (ClaudeCodeRun run = client.query("prompt")) {
			run.forEach((message) -> {
			});
		}
		catch (ClaudeCodeException ex) {
			failure = ex;
		}
		handler.assertWellFormed(description);
		AgentInvocationObservationContext agent = (AgentInvocationObservationContext) handler.started.get(0);
		if (failure != null) {
			assertThat(agent.getError()).as("%s: invoke_agent fails like the run did for its consumer (%s)",
					description, failure).isNotNull();
			assertThat(agent.getLowCardinalityKeyValue("error.type")).as("%s: error.type", description).isNotNull();
		}
		return failure != null;
	}

	/**
	 * Replays one mutated recording through an observed run.
	 * @param lines the lines
	 * @param onArrival whether the messages are recorded as they arrive (else as consumed)
	 * @param closeAfter the number of messages after which the consumer closes the run, or -1
	 * to consume them all
	 * @param failAfter the number of messages after which the client fails (the CLI died), or
	 * -1
	 */
	private void runCase(List<String> lines, boolean onArrival, int closeAfter, int failAfter, String description) {
		// The client answers control lines itself and never delivers them
		List<ClaudeMessage> messages = lines.stream()
			.filter((line) -> !line.isBlank())
			.map(this.parser::parse)
			.filter((message) -> !(message instanceof ControlMessage))
			.toList();
		ObservationRegistry registry = ObservationRegistry.create();
		RecordingHandler handler = new RecordingHandler();
		registry.observationConfig().observationHandler(handler);
		AgentRunRecorder recorder = AgentRunObservations.builder(registry).build()
			.startRun("prompt", null, null, new SessionCost());
		ArrivalRecorder arrivals = onArrival ? new ArrivalRecorder(this.adapter, recorder) : null;
		if (arrivals != null) {
			arrivals.promptSent();
		}
		List<ClaudeMessage> delivered = new ArrayList<>();
		try (ClaudeCodeRun run = new ObservedClaudeCodeRun(new ListRun(messages, arrivals, failAfter), this.adapter,
				recorder, arrivals)) {
			Iterator<ClaudeMessage> iterator = run.iterator();
			while (delivered.size() != closeAfter && iterator.hasNext()) {
				delivered.add(iterator.next());
			}
		}
		catch (IllegalStateException ex) {
			assertThat(ex).as(description).hasMessage(ListRun.FAILURE);
		}
		int stop = (closeAfter >= 0) ? closeAfter : failAfter;
		List<ClaudeMessage> expected = (stop >= 0 && stop < messages.size()) ? messages.subList(0, stop) : messages;
		assertThat(delivered).as(description).containsExactlyElementsOf(expected);
		assertThat(recorder.isFinished()).as(description).isTrue();
		handler.assertWellFormed(description);
	}

	private static List<List<String>> recordings() {
		List<List<String>> recordings = Transcripts.names().stream().map(Transcripts::lines).toList();
		assertThat(recordings).hasSizeGreaterThanOrEqualTo(10);
		return recordings;
	}

	/**
	 * A run over a list; tells the arrival recorder about each message before handing it out,
	 * and fails like a client whose CLI died after {@code failAfter} messages.
	 */
	private record ListRun(List<ClaudeMessage> messages, ArrivalRecorder arrivals,
			int failAfter) implements ClaudeCodeRun {

		static final String FAILURE = "The Claude Code CLI exited with code 137 before the result of the run";

		@Override
		public Iterator<ClaudeMessage> iterator() {
			Iterator<ClaudeMessage> iterator = this.messages.iterator();
			return new Iterator<>() {

				private int taken;

				@Override
				public boolean hasNext() {
					if (this.taken == ListRun.this.failAfter && this.taken < ListRun.this.messages.size()) {
						throw new IllegalStateException(FAILURE);
					}
					return iterator.hasNext();
				}

				@Override
				public ClaudeMessage next() {
					ClaudeMessage message = iterator.next();
					this.taken++;
					if (ListRun.this.arrivals != null) {
						ListRun.this.arrivals.onMessage(message);
					}
					return message;
				}

			};
		}

		@Override
		public void interrupt() {
		}

		@Override
		public void close() {
		}

	}

	/** Records starts and stops in order, with parents, and checks the tree's rules. */
	private static final class RecordingHandler implements ObservationHandler<Observation.Context> {

		private final Map<Observation.Context, int[]> startAndStops = new IdentityHashMap<>();

		private final Map<Observation.Context, Integer> stopOrder = new IdentityHashMap<>();

		private final List<Observation.Context> started = new ArrayList<>();

		private int sequence;

		@Override
		public void onStart(Observation.Context context) {
			this.started.add(context);
			this.startAndStops.put(context, new int[] { this.sequence++, 0 });
		}

		@Override
		public void onStop(Observation.Context context) {
			int[] record = this.startAndStops.get(context);
			if (record != null) {
				record[1]++;
			}
			this.stopOrder.putIfAbsent(context, this.sequence++);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

		void assertWellFormed(String description) {
			assertThat(this.started).as(description).isNotEmpty();
			for (Observation.Context context : this.started) {
				String name = context.getClass().getSimpleName() + " " + context.getContextualName();
				assertThat(this.startAndStops.get(context)[1]).as("%s: %s stops", description, name).isEqualTo(1);
				Observation.Context parent = parent(context);
				if (context == this.started.get(0)) {
					assertThat(parent).as("%s: the run's agent has no parent", description).isNull();
					continue;
				}
				assertThat(parent).as("%s: %s has a recorded parent", description, name).isNotNull();
				assertThat(this.stopOrder.get(context)).as("%s: %s stops before its parent", description, name)
					.isLessThan(this.stopOrder.get(parent));
				if (context instanceof AgentInvocationObservationContext) {
					assertThat(parent).as("%s: %s is under a tool call or an agent", description, name)
						.isInstanceOfAny(ToolExecutionObservationContext.class,
								AgentInvocationObservationContext.class);
				}
				else {
					assertThat(parent).as("%s: %s is under an agent", description, name)
						.isInstanceOf(AgentInvocationObservationContext.class);
					String agentName = ((AgentInvocationObservationContext) parent).getAgentName();
					String ownAgent = (context instanceof ChatObservationContext chat) ? chat.getAgentName()
							: ((ToolExecutionObservationContext) context).getAgentName();
					assertThat(ownAgent).as("%s: %s names its agent", description, name).isEqualTo(agentName);
				}
			}
		}

		private Observation.Context parent(Observation.Context context) {
			io.micrometer.observation.ObservationView parent = context.getParentObservation();
			if (parent == null) {
				return null;
			}
			Object view = parent.getContextView();
			return this.startAndStops.keySet().stream().filter((candidate) -> candidate == view).findFirst()
				.orElse(null);
		}

	}

}
