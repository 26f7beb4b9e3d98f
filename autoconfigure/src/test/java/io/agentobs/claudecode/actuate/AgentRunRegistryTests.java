package io.agentobs.claudecode.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.TokenUsage;
import io.agentobs.claudecode.run.AgentRunEvents.ModelOutput;
import io.agentobs.claudecode.run.AgentRunEvents.ModelResponseEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ModelResponseStart;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallStart;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.AgentRunResult;
import io.agentobs.claudecode.run.RunInterruption;
import io.agentobs.claudecode.run.SessionCost;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentRunRegistry}: runs built from the observations the recorder makes.
 */
class AgentRunRegistryTests {

	private static final String MODEL = "claude-sonnet-4-5";

	private final MutableClock clock = new MutableClock();

	private final AgentRunRegistry runs = new AgentRunRegistry(3, 5, true,
			(context) -> new SpanIds("trace-" + ((Observation.Context) context).getName(), "span"), this.clock);

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final AgentRunObservations observations;

	AgentRunRegistryTests() {
		this.registry.observationConfig().observationHandler(this.runs);
		this.observations = AgentRunObservations.builder(this.registry).agentName("triage").build();
	}

	@Test
	void runningRunShowsItsCurrentToolAndTokensSoFar() {
		AgentRunRecorder recorder = startRun("Fix the build");
		recorder.sessionStarted("session-1", MODEL, List.of("Bash"));
		recorder.modelResponseStarted(new ModelResponseStart(null, "msg_1", MODEL, new TokenUsage(100L, 1L, 60L, 0L)));
		recorder.modelOutput(new ModelOutput(null, null, "msg_1", MODEL, null,
				List.of(new ChatOutputPart.ToolCall("tu_1", "Bash", "{}")), null));
		this.clock.advance(Duration.ofMillis(300));
		recorder.modelResponseFinished(new ModelResponseEnd(null, "msg_1", "tool_use", new TokenUsage(100L, 20L, 60L,
				0L)));
		recorder.toolCallStarted(new ToolCallStart(null, "tu_1", "Bash", "{\"command\":\"sleep 30\"}", null));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.runs.finished()).isEmpty();
		assertThat(this.runs.running()).singleElement().satisfies((run) -> {
			assertThat(run.agentName()).isEqualTo("triage");
			assertThat(run.sessionId()).isEqualTo("session-1");
			assertThat(run.traceId()).isEqualTo("trace-gen_ai.invoke_agent");
			assertThat(run.state()).isEqualTo("running_tool");
			assertThat(run.currentTool()).isEqualTo("Bash");
			assertThat(run.currentToolSince()).isEqualTo(MutableClock.START.plusMillis(300).toString());
			assertThat(run.elapsedMs()).isEqualTo(2300);
			assertThat(run.modelCalls()).isEqualTo(1);
			assertThat(run.toolCalls()).isEqualTo(1);
			assertThat(run.tokens()).isEqualTo(new TokenCounts(100L, 20L));
			assertThat(run.model()).isEqualTo(MODEL);
			assertThat(run.outcome()).isNull();
			assertThat(run.prompt()).isEqualTo("Fix the build");
			assertThat(run.steps()).isNull();
		});
		assertThat(this.runs.runningCount("triage")).isEqualTo(1);
		recorder.abandoned();
	}

	@Test
	void aStoreBackedRunSaysSoAndOthersLeaveItOut() {
		AgentRunRecorder stored = this.observations.startRun("p", null, MODEL, new SessionCost());
		stored.agentContext().setSessionStoreBacked(true);
		stored.modelResponseStarted(new ModelResponseStart(null, "msg_1", MODEL, new TokenUsage(80L, 1L, 0L, 0L)));
		AgentRunRecorder plain = startRun("q");
		plain.modelResponseStarted(new ModelResponseStart(null, "msg_2", MODEL, new TokenUsage(80L, 1L, 0L, 0L)));
		assertThat(this.runs.running()).extracting(AgentRunDescriptor::sessionStore)
			.containsExactlyInAnyOrder(true, null);
		stored.abandoned();
		plain.abandoned();
	}

	@Test
	void openModelCallCountsItsInputTokensAndTheRunWaitsForTheModel() {
		AgentRunRecorder recorder = startRun("p");
		recorder.modelResponseStarted(new ModelResponseStart(null, "msg_1", MODEL, new TokenUsage(80L, 1L, 0L, 0L)));
		AgentRunDescriptor run = this.runs.running().get(0);
		assertThat(run.state()).isEqualTo("waiting_for_model");
		assertThat(run.currentTool()).isNull();
		assertThat(run.tokens()).isEqualTo(new TokenCounts(80L, 0L));
		recorder.abandoned();
	}

	@Test
	void finishedRunMovesToRecentWithOutcomeAndItsTimelineNestedLikeTheTrace() {
		AgentRunRecorder recorder = startRun("p");
		recorder.sessionStarted("session-1", MODEL, List.of("Agent"));
		recorder.modelResponseStarted(new ModelResponseStart(null, "msg_1", MODEL, new TokenUsage(10L, 1L, 0L, 0L)));
		recorder.modelResponseFinished(new ModelResponseEnd(null, "msg_1", "tool_use", new TokenUsage(10L, 5L, 0L,
				0L)));
		recorder.toolCallStarted(new ToolCallStart(null, "tu_agent", "Agent",
				"{\"subagent_type\":\"general-purpose\"}", "general-purpose"));
		recorder.modelResponseStarted(new ModelResponseStart("tu_agent", "msg_2", MODEL, new TokenUsage(7L, 1L, 0L,
				0L)));
		assertThat(this.runs.running().get(0).state()).isEqualTo("subagent_running");
		assertThat(this.runs.running().get(0).currentSubagent()).isEqualTo("general-purpose");
		recorder.modelResponseFinished(new ModelResponseEnd("tu_agent", "msg_2", "end_turn", new TokenUsage(7L, 3L,
				0L, 0L)));
		this.clock.advance(Duration.ofMillis(500));
		recorder.toolCallFinished(new ToolCallEnd(null, "tu_agent", false, "done"));
		recorder.finished(new AgentRunResult("success", false, 2, 10L, 0.25, null, null, 0, null, "ok", List.of()));
		assertThat(this.runs.running()).isEmpty();
		assertThat(this.runs.runningCount("triage")).isZero();
		AgentRunDescriptor recent = this.runs.finished().get(0);
		assertThat(recent.state()).isEqualTo("finished");
		assertThat(recent.outcome()).isEqualTo("success");
		assertThat(recent.costUsd()).isEqualTo(0.25);
		assertThat(recent.elapsedMs()).isEqualTo(500);
		assertThat(recent.tokens()).isEqualTo(new TokenCounts(17L, 8L));
		assertThat(recent.subagents()).isEqualTo(1);
		assertThat(recent.interruptible()).isFalse();
		AgentRunDescriptor details = this.runs.run(recent.id());
		assertThat(details.steps()).extracting(RunStepDescriptor::kind, RunStepDescriptor::name)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("model_call", MODEL),
					org.assertj.core.groups.Tuple.tuple("tool_call", "Agent"));
		RunStepDescriptor agentTool = details.steps().get(1);
		assertThat(agentTool.durationMs()).isEqualTo(500);
		assertThat(agentTool.status()).isEqualTo("ok");
		assertThat(agentTool.steps()).singleElement().satisfies((subagent) -> {
			assertThat(subagent.kind()).isEqualTo("subagent");
			assertThat(subagent.name()).isEqualTo("general-purpose");
			assertThat(subagent.steps()).singleElement()
				.satisfies((chat) -> assertThat(chat.tokens()).isEqualTo(new TokenCounts(7L, 3L)));
		});
	}

	@Test
	void failedRunShowsItsErrorTypeAsOutcome() {
		AgentRunRecorder recorder = startRun("p");
		recorder.finished(new AgentRunResult("error_max_turns", true, 2, 10L, null, null, null, 0, null, null,
				List.of()));
		assertThat(this.runs.finished().get(0).outcome()).isEqualTo("error_max_turns");
	}

	@Test
	void recentListStaysAtItsLimitMostRecentFirst() {
		for (int i = 0; i < 200; i++) {
			startRun("run " + i).abandoned();
		}
		List<AgentRunDescriptor> recent = this.runs.finished();
		assertThat(recent).hasSize(3);
		assertThat(recent).extracting(AgentRunDescriptor::prompt).containsExactly("run 199", "run 198", "run 197");
		assertThat(this.runs.run(recent.get(2).id())).isNotNull();
	}

	@Test
	void timelineKeepsAtMostItsLimitOfStepsAndCountsTheRest() {
		AgentRunRecorder recorder = startRun("p");
		for (int i = 0; i < 8; i++) {
			recorder.toolCallStarted(new ToolCallStart(null, "tu_" + i, "Read", "{}", null));
			recorder.toolCallFinished(new ToolCallEnd(null, "tu_" + i, false, "x"));
		}
		recorder.abandoned();
		AgentRunDescriptor run = this.runs.run(this.runs.finished().get(0).id());
		assertThat(run.toolCalls()).isEqualTo(8);
		assertThat(run.steps()).hasSize(5);
		assertThat(run.droppedSteps()).isEqualTo(3);
	}

	@Test
	void promptIsLeftOutWhenInputsAreNotRecordedAndTruncatedOtherwise() {
		AgentRunRegistry unrecorded = new AgentRunRegistry(3, 5, false, (context) -> null, this.clock);
		this.registry.observationConfig().observationHandler(unrecorded);
		startRun("x".repeat(500)).abandoned();
		assertThat(unrecorded.finished().get(0).prompt()).isNull();
		assertThat(this.runs.finished().get(0).prompt()).hasSize(201).endsWith("…");
	}

	@Test
	void promptNeverShowsACredentialOfTheAgentProcess() {
		String key = "sk-ant-api03-registry-test-key";
		this.observations
			.startRun("Use the key " + key + " to call the API", null, null, new SessionCost(),
					java.util.Map.of("ANTHROPIC_API_KEY", key))
			.abandoned();
		assertThat(this.runs.finished().get(0).prompt()).startsWith("Use the key ").doesNotContain(key);
	}

	@Test
	void runningRunsAreCountedPerAgentAndNewAgentsAreAnnounced() {
		List<String> announced = new java.util.ArrayList<>();
		this.runs.onNewAgent(announced::add);
		AgentRunRecorder first = startRun("a");
		AgentRunRecorder second = startRun("b");
		AgentRunRecorder other = AgentRunObservations.builder(this.registry).agentName("reviewer").build()
			.startRun("c", null, null, new SessionCost());
		assertThat(this.runs.runningCount("triage")).isEqualTo(2);
		assertThat(this.runs.runningCount("reviewer")).isEqualTo(1);
		assertThat(announced).containsExactly("triage", "reviewer");
		first.abandoned();
		second.abandoned();
		other.abandoned();
		assertThat(this.runs.runningCount("triage")).isZero();
	}

	@Test
	void aRunInProgressShowsItsContextUsageAndMcpServersAskedOfItsAgentOnlyInItsOwnView() {
		AgentRunRecorder recorder = startRun("Fix the build");
		List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
		RunInterruption.attach(recorder, () -> {
		}, () -> {
		}, () -> {
			asked.add("context");
			assertThat(Thread.holdsLock(this.runs)).as("asked outside the registry's lock").isFalse();
			return java.util.Map.of("totalTokens", 1200, "maxTokens", 200000);
		}, () -> {
			asked.add("mcp");
			return List.of(java.util.Map.of("name", "app", "status", "connected"));
		});
		AgentRunDescriptor listed = this.runs.running().get(0);
		assertThat(listed.contextUsage()).isNull();
		assertThat(asked).as("the list does not ask the agents").isEmpty();
		AgentRunDescriptor run = this.runs.run(listed.id());
		assertThat(run.contextUsage()).isEqualTo(java.util.Map.of("totalTokens", 1200, "maxTokens", 200000));
		assertThat(run.mcpServers()).isEqualTo(List.of(java.util.Map.of("name", "app", "status", "connected")));
		recorder.abandoned();
		AgentRunDescriptor ended = this.runs.run(listed.id());
		assertThat(ended.contextUsage()).as("a finished run is not asked").isNull();
		assertThat(asked).containsExactly("context", "mcp");
	}

	private AgentRunRecorder startRun(String prompt) {
		return this.observations.startRun(prompt, null, null, new SessionCost());
	}

	static final class MutableClock extends Clock {

		static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

		private Instant now = START;

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
