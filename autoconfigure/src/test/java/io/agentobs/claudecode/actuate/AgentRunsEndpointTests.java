package io.agentobs.claudecode.actuate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.AgentRunResult;
import io.agentobs.claudecode.run.RunInterruption;
import io.agentobs.claudecode.run.SessionCost;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AgentRunsEndpoint}.
 */
class AgentRunsEndpointTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final AgentRunRegistry runs = new AgentRunRegistry(10, 100, true, (context) -> null, Clock.systemUTC());

	private final AgentRunObservations observations;

	AgentRunsEndpointTests() {
		this.registry.observationConfig().observationHandler(this.runs);
		this.observations = AgentRunObservations.builder(this.registry).agentName("triage").build();
	}

	@Test
	void interruptedRunThatEndsWithItsResultIsMarkedInterrupted() throws InterruptedException {
		AgentRunRecorder recorder = startRun();
		AtomicInteger closes = new AtomicInteger();
		Thread agent = new Thread(() -> recorder.finished(new AgentRunResult("error_during_execution", true, 1, 5L,
				0.1, null, null, 0, null, null, List.of())));
		RunInterruption.attach(recorder, agent::start, closes::incrementAndGet);
		AgentRunsEndpoint endpoint = new AgentRunsEndpoint(this.runs, Duration.ofSeconds(30), new Sanitizer(), Show.NEVER,
				Set.of());
		AgentRunDescriptor run = endpoint.interrupt(runId(), SecurityContext.NONE);
		assertThat(run.outcome()).isEqualTo("interrupted");
		assertThat(closes).hasValue(0);
		agent.join();
		assertInterrupted("The agent run was interrupted on request");
	}

	@Test
	void interruptedRunThatDoesNotEndIsClosedAfterTheTimeout() {
		AgentRunRecorder recorder = startRun();
		AtomicInteger closes = new AtomicInteger();
		RunInterruption.attach(recorder, () -> {
		}, closes::incrementAndGet);
		long start = System.nanoTime();
		AgentRunDescriptor run = endpoint(Show.NEVER).interrupt(runId(), SecurityContext.NONE);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(closes).hasValue(1);
		assertThat(run.state()).isEqualTo("finished");
		assertThat(run.outcome()).isEqualTo("interrupted");
		// The close runs on its own thread: the endpoint may answer before the other handlers
		// have seen the observation stop
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertInterrupted("The agent run was closed on request"));
	}

	@Test
	void runWithoutControlIsNotInterruptible() {
		AgentRunRecorder recorder = startRun();
		String id = runId();
		assertThat(this.runs.running().get(0).interruptible()).isFalse();
		AgentRunDescriptor run = endpoint(Show.NEVER).interrupt(id, SecurityContext.NONE);
		assertThat(run.state()).isNotEqualTo("finished");
		recorder.abandoned();
	}

	@Test
	void unknownOrFinishedRunCannotBeInterrupted() {
		AgentRunsEndpoint endpoint = endpoint(Show.NEVER);
		assertThat(endpoint.interrupt("nope", SecurityContext.NONE)).isNull();
		assertThat(endpoint.run("nope", SecurityContext.NONE)).isNull();
		startRun().abandoned();
		String id = this.runs.finished().get(0).id();
		assertThat(endpoint.interrupt(id, SecurityContext.NONE)).isNull();
		assertThat(endpoint.run(id, SecurityContext.NONE).state()).isEqualTo("finished");
	}

	@Test
	void promptIsSanitizedUnlessShowValuesAllowsIt() {
		startRun().abandoned();
		String id = this.runs.finished().get(0).id();
		assertThat(endpoint(Show.NEVER).runs(SecurityContext.NONE).recent().get(0).prompt()).isEqualTo("******");
		assertThat(endpoint(Show.NEVER).run(id, SecurityContext.NONE).prompt()).isEqualTo("******");
		assertThat(endpoint(Show.ALWAYS).runs(SecurityContext.NONE).recent().get(0).prompt()).isEqualTo("Fix it");
		assertThat(endpoint(Show.WHEN_AUTHORIZED).run(id, SecurityContext.NONE).prompt()).isEqualTo("******");
	}

	@Test
	void shownPromptPassesThroughTheSanitizingFunctions() {
		startRun().abandoned();
		SanitizingFunction masksFixes = (data) -> "prompt".equals(data.getKey())
				? data.withValue(String.valueOf(data.getValue()).replace("Fix", "[masked]")) : data;
		AgentRunsEndpoint endpoint = new AgentRunsEndpoint(this.runs, Duration.ofMillis(200),
				new Sanitizer(List.of(masksFixes)), Show.ALWAYS, Set.of());
		assertThat(endpoint.runs(SecurityContext.NONE).recent().get(0).prompt()).isEqualTo("[masked] it");
	}

	private void assertInterrupted(String message) {
		assertThat(this.registry).hasObservationWithNameEqualTo("gen_ai.invoke_agent")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("error.type", "interrupted")
			.assertThatError()
			.hasMessage(message);
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
	}

	private AgentRunsEndpoint endpoint(Show show) {
		return new AgentRunsEndpoint(this.runs, Duration.ofMillis(200), new Sanitizer(), show, Set.of());
	}

	private AgentRunRecorder startRun() {
		return this.observations.startRun("Fix it", null, null, new SessionCost());
	}

	private String runId() {
		return this.runs.running().get(0).id();
	}

}
