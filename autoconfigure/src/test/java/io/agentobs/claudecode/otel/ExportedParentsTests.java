package io.agentobs.claudecode.otel;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.instrument.client.ClaudeCodeMessageAdapter;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import io.agentobs.claudecode.testsupport.BootLineNeutral;
import io.agentobs.claudecode.testsupport.OtelTracingFixture;
import io.agentobs.claudecode.testsupport.SpanTree;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exported OpenTelemetry spans have the parents of the observation tree however the run is
 * consumed: Micrometer Tracing prefers the thread's current span to the parent observation's,
 * so a span current where messages are consumed must not capture the run's chats and tools.
 */
@BootLineNeutral
class ExportedParentsTests {

	private static final String SUBAGENT_TREE = """
			invoke_agent claude-code
			  chat claude-sonnet-4-5
			  execute_tool Agent
			    invoke_agent general-purpose
			      chat claude-sonnet-4-5
			      execute_tool Bash
			  chat claude-sonnet-4-5
			""";

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final OtelTracingFixture tracing = OtelTracingFixture.inMemory(this.exporter);

	private final Tracer tracer = this.tracing.tracer();

	private final List<ClaudeMessage> messages = Transcripts.parse("subagent-foreground.jsonl");

	@AfterEach
	void closeTracing() {
		assertThat(this.tracing.registry().getCurrentObservation()).isNull();
		assertThat(this.tracer.currentSpan()).isNull();
		this.tracing.close();
	}

	@Test
	void runStartedAndConsumedInsideARequestSpanIsTheRequestsOnlyChild() {
		Span request = this.tracer.nextSpan().name("http get /triage").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(request)) {
			recordAll(start());
		}
		request.end();
		assertThat(SpanTree.render(this.exporter.getFinishedSpanItems()))
			.isEqualTo("http get /triage\n" + SUBAGENT_TREE.indent(2));
	}

	@Test
	void runConsumedOnAnotherThreadInsideThatThreadsSpanKeepsItsTree() {
		AgentRunRecorder recorder = start();
		CompletableFuture.runAsync(() -> {
			Span worker = this.tracer.nextSpan().name("worker").start();
			try (Tracer.SpanInScope scope = this.tracer.withSpan(worker)) {
				recordAll(recorder);
			}
			worker.end();
		}).join();
		assertThat(SpanTree.render(this.exporter.getFinishedSpanItems())).isEqualTo(SUBAGENT_TREE + "worker\n");
	}

	@Test
	void runConsumedInsideAnObservedMethodKeepsItsTree() {
		AgentRunRecorder recorder = start();
		Observation.createNotStarted("observed.method", this.tracing.registry())
			.contextualName("observed method")
			.observe(() -> recordAll(recorder));
		assertThat(SpanTree.render(this.exporter.getFinishedSpanItems()))
			.isEqualTo(SUBAGENT_TREE + "observed method\n");
	}

	@Test
	void runConsumedInAReactivePipelineInsideAnotherSpanKeepsItsTree() {
		AgentRunRecorder recorder = start();
		ClaudeCodeMessageAdapter adapter = new ClaudeCodeMessageAdapter();
		Span pipeline = this.tracer.nextSpan().name("pipeline").start();
		Flux.fromIterable(this.messages).publishOn(Schedulers.boundedElastic()).doOnNext((message) -> {
			try (Tracer.SpanInScope scope = this.tracer.withSpan(pipeline)) {
				adapter.record(message, recorder);
			}
		}).blockLast();
		pipeline.end();
		assertThat(SpanTree.render(this.exporter.getFinishedSpanItems())).isEqualTo(SUBAGENT_TREE + "pipeline\n");
	}

	@Test
	void runStartedInsideAManualSpanOfAnObservationIsAChildOfThatSpan() {
		Observation.createNotStarted("request", this.tracing.registry()).contextualName("request").observe(() -> {
			Span manual = this.tracer.nextSpan().name("manual").start();
			try (Tracer.SpanInScope scope = this.tracer.withSpan(manual)) {
				recordAll(start());
			}
			manual.end();
		});
		assertThat(SpanTree.render(this.exporter.getFinishedSpanItems()))
			.isEqualTo("request\n  manual\n" + SUBAGENT_TREE.indent(4));
	}

	private AgentRunRecorder start() {
		return this.tracing.observations().startRun("prompt", null, null, new SessionCost());
	}

	private void recordAll(AgentRunRecorder recorder) {
		ClaudeCodeMessageAdapter adapter = new ClaudeCodeMessageAdapter();
		this.messages.forEach((message) -> adapter.record(message, recorder));
		assertThat(recorder.isFinished()).isTrue();
	}

}
