package io.agentobs.claudecode.otel;

import java.util.List;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentInvocationObservationConvention;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatObservationConvention;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationConvention;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.testsupport.BootLineNeutral;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.OtelTracingFixture;
import io.agentobs.claudecode.testsupport.SpanTree;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's convention, filter or handler that throws costs at most its own contribution:
 * every observation still stops exactly once and every span is exported with its parents.
 */
@BootLineNeutral
class FaultyObserversTests {

	private static final String TREE = """
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

	private final ObservationTree observations = ObservationTree.of(this.tracing.registry());

	@AfterEach
	void everyObservationStoppedOnceAndNothingLeftCurrent() {
		assertThat(this.observations.notStoppedExactlyOnce()).isEmpty();
		assertThat(this.tracing.registry().getCurrentObservation()).isNull();
		assertThat(this.tracing.tracer().currentSpan()).isNull();
		this.tracing.close();
	}

	@Test
	void conventionsThatThrowFallBackToTheDefaultValues() {
		AgentRunObservations runs = AgentRunObservations.builder(this.tracing.registry()).agentConvention(new ThrowingAgentConvention()).chatConvention(new ThrowingChatConvention()).toolConvention(new ThrowingToolConvention()).build();
		Transcripts.replay(runs, "subagent-foreground.jsonl");
		assertThat(SpanTree.render(this.exporter.getFinishedSpanItems())).isEqualTo(TREE);
		assertThat(this.exporter.getFinishedSpanItems())
			.allSatisfy((span) -> assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name")))
				.isIn("invoke_agent", "chat", "execute_tool"));
	}

	@Test
	void globalConventionsThatThrowFallBackToTheDefaultValues() {
		this.tracing.registry()
			.observationConfig()
			.observationConvention(new GlobalObservationConvention<Observation.Context>() {
				@Override
				public boolean supportsContext(Observation.Context context) {
					throw new IllegalStateException("broken supportsContext");
				}
			})
			.observationConvention(new ThrowingGlobalChatConvention());
		Transcripts.replay(this.tracing.observations(), "subagent-foreground.jsonl");
		assertThat(SpanTree.render(this.exporter.getFinishedSpanItems())).isEqualTo(TREE);
	}

	@Test
	void filterThatThrowsLeavesNoSpanOpen() {
		this.tracing.registry().observationConfig().observationFilter((context) -> {
			throw new IllegalStateException("broken filter");
		});
		Transcripts.replay(this.tracing.observations(), "subagent-foreground.jsonl");
		assertThat(SpanTree.render(this.exporter.getFinishedSpanItems())).isEqualTo(TREE);
	}

	@Test
	void handlerThatThrowsOnStopLeavesNoSpanOpen() {
		this.tracing.registry().observationConfig().observationHandler(new ThrowingHandler(false));
		Transcripts.replay(this.tracing.observations(), "subagent-foreground.jsonl");
		assertThat(SpanTree.render(this.exporter.getFinishedSpanItems())).isEqualTo(TREE);
	}

	@Test
	void handlerThatThrowsOnErrorLeavesTheFailedRunsSpansEnded() {
		this.tracing.registry().observationConfig().observationHandler(new ThrowingHandler(true));
		Transcripts.replay(this.tracing.observations(), "api-error-401.jsonl");
		List<SpanData> spans = this.exporter.getFinishedSpanItems();
		assertThat(spans).extracting(SpanData::getName).containsExactly("invoke_agent claude-code");
		assertThat(spans.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
	}

	@Test
	void handlerThatThrowsOnScopesLeavesTheTreeAndTheThreadClean() {
		this.tracing.registry().observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public void onScopeOpened(Observation.Context context) {
				throw new IllegalStateException("broken handler on scope opened");
			}

			@Override
			public void onScopeClosed(Observation.Context context) {
				throw new IllegalStateException("broken handler on scope closed");
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}
		});
		Transcripts.replay(this.tracing.observations(), "subagent-foreground.jsonl");
		assertThat(SpanTree.render(this.exporter.getFinishedSpanItems())).isEqualTo(TREE);
	}

	private static final class ThrowingHandler implements ObservationHandler<Observation.Context> {

		private final boolean onError;

		ThrowingHandler(boolean onError) {
			this.onError = onError;
		}

		@Override
		public void onError(Observation.Context context) {
			if (this.onError) {
				throw new IllegalStateException("broken handler on error");
			}
		}

		@Override
		public void onStop(Observation.Context context) {
			if (!this.onError) {
				throw new IllegalStateException("broken handler on stop");
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	private static final class ThrowingGlobalChatConvention
			implements GlobalObservationConvention<ChatObservationContext> {

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ChatObservationContext;
		}

		@Override
		public String getName() {
			throw new IllegalStateException("broken name");
		}

		@Override
		public String getContextualName(ChatObservationContext context) {
			throw new IllegalStateException("broken contextual name");
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ChatObservationContext context) {
			throw new IllegalStateException("broken key values");
		}

	}

	private static final class ThrowingAgentConvention implements AgentInvocationObservationConvention {

		@Override
		public String getName() {
			throw new IllegalStateException("broken name");
		}

		@Override
		public String getContextualName(AgentInvocationObservationContext context) {
			throw new IllegalStateException("broken contextual name");
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(AgentInvocationObservationContext context) {
			throw new IllegalStateException("broken key values");
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(AgentInvocationObservationContext context) {
			throw new IllegalStateException("broken key values");
		}

	}

	private static final class ThrowingChatConvention implements ChatObservationConvention {

		@Override
		public String getName() {
			throw new IllegalStateException("broken name");
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(ChatObservationContext context) {
			throw new IllegalStateException("broken key values");
		}

		@Override
		public String getContextualName(ChatObservationContext context) {
			throw new IllegalStateException("broken contextual name");
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ChatObservationContext context) {
			throw new IllegalStateException("broken key values");
		}

	}

	private static final class ThrowingToolConvention implements ToolExecutionObservationConvention {

		@Override
		public String getName() {
			throw new IllegalStateException("broken name");
		}

		@Override
		public String getContextualName(ToolExecutionObservationContext context) {
			throw new IllegalStateException("broken contextual name");
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ToolExecutionObservationContext context) {
			throw new IllegalStateException("broken key values");
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(ToolExecutionObservationContext context) {
			throw new IllegalStateException("broken key values");
		}

	}

}
