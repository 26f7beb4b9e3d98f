package io.agentobs.claudecode.sentry;

import java.util.List;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation;
import io.agentobs.claudecode.observation.DefaultAgentInvocationObservationConvention;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallStart;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.AgentRunResult;
import io.agentobs.claudecode.run.SessionCost;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.sentry.IScopes;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.SentryDate;
import io.sentry.SentryEvent;
import io.sentry.SpanContext;
import io.sentry.SpanOptions;
import io.sentry.SpanStatus;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Behaviour of {@link SentryAgentObservationHandler} that the wire cannot show: failures of
 * Sentry never reach the agent code, spans end once, a disabled Sentry costs nothing.
 */
class SentryAgentObservationHandlerTests {

	private final IScopes scopes = mock(IScopes.class);

	private final IScopes runScopes = mock(IScopes.class);

	private final ITransaction transaction = mock(ITransaction.class);

	private final ObservationRegistry registry = ObservationRegistry.create();

	SentryAgentObservationHandlerTests() {
		given(this.scopes.isEnabled()).willReturn(true);
		given(this.scopes.forkedCurrentScope(anyString())).willReturn(this.runScopes);
		given(this.runScopes.startTransaction(any(TransactionContext.class), any(TransactionOptions.class)))
			.willReturn(this.transaction);
		given(this.transaction.getSpanContext()).willReturn(new SpanContext("gen_ai.invoke_agent"));
		given(this.transaction.startChild(anyString(), any(), any(SpanOptions.class))).willReturn(mock(ISpan.class));
		this.registry.observationConfig().observationHandler(new SentryAgentObservationHandler(this.scopes));
	}

	@Test
	void sentryFailureNeverReachesTheAgentCode() {
		willThrow(new IllegalStateException("Sentry is broken")).given(this.scopes).forkedCurrentScope(anyString());
		AgentRunRecorder recorder = startRun();
		assertThatNoException().isThrownBy(() -> {
			recorder.sessionStarted("session-1", "claude-sonnet-4-5", List.of("Bash"));
			recorder.toolCallStarted(new ToolCallStart(null, "toolu_1", "Bash", "{}", null));
			recorder.toolCallFinished(new ToolCallEnd(null, "toolu_1", false, "ok"));
			recorder.finished(success());
		});
		assertThat(recorder.isFinished()).isTrue();
	}

	@Test
	void spanIsFinishedOnceWhenRecordingItsDataFailsAndItsObservationStopsTwice() {
		willThrow(new IllegalStateException("Sentry is broken")).given(this.transaction).setData(anyString(), any());
		Observation observation = agentObservation(new AgentInvocationObservationContext("claude-code")).start();
		observation.stop();
		observation.stop();
		verify(this.transaction, times(1)).finish(eq(SpanStatus.OK), any(SentryDate.class));
	}

	@Test
	void failedRunThatStopsTwiceCapturesOneEvent() {
		Observation observation = agentObservation(new AgentInvocationObservationContext("claude-code")).start();
		observation.error(new IllegalStateException("CLI died"));
		observation.stop();
		observation.stop();
		verify(this.runScopes, times(1)).captureEvent(any(SentryEvent.class));
		verify(this.transaction, times(1)).finish(eq(SpanStatus.INTERNAL_ERROR), any(SentryDate.class));
	}

	@Test
	void runInterruptedOnRequestMarksItsSpanButCapturesNoEvent() {
		AgentInvocationObservationContext context = new AgentInvocationObservationContext("claude-code");
		Observation observation = agentObservation(context).start();
		context.setErrorType("interrupted");
		observation.error(new IllegalStateException("interrupted"));
		observation.stop();
		verify(this.runScopes, never()).captureEvent(any(SentryEvent.class));
		verify(this.transaction, times(1)).finish(eq(SpanStatus.INTERNAL_ERROR), any(SentryDate.class));
	}

	@Test
	void transactionIsRenamedAfterTheContextualNameAtStop() {
		Observation observation = agentObservation(new AgentInvocationObservationContext("reviewer")).start();
		observation.stop();
		verify(this.transaction).setName("invoke_agent reviewer", io.sentry.protocol.TransactionNameSource.CUSTOM);
		verify(this.transaction).setDescription("invoke_agent reviewer");
	}

	@Test
	void disabledSentryRecordsNothing() {
		given(this.scopes.isEnabled()).willReturn(false);
		AgentRunRecorder recorder = startRun();
		recorder.finished(success());
		verify(this.scopes, never()).forkedCurrentScope(anyString());
		verify(this.scopes, never()).startTransaction(any(TransactionContext.class), any(TransactionOptions.class));
	}

	@Test
	void otherObservationsAreNotSupported() {
		assertThat(new SentryAgentObservationHandler(this.scopes).supportsContext(new Observation.Context())).isFalse();
	}

	private AgentRunRecorder startRun() {
		AgentRunObservations observations = AgentRunObservations.builder(this.registry).build();
		return observations.startRun("prompt", null, null, new SessionCost());
	}

	private Observation agentObservation(AgentInvocationObservationContext context) {
		return AgentInvocationObservationDocumentation.AGENT_INVOCATION.observation(null,
				new DefaultAgentInvocationObservationConvention(), () -> context, this.registry);
	}

	private static AgentRunResult success() {
		return new AgentRunResult("success", false, 1, 10L, 0.01, null, "completed", 0, null, "done", List.of());
	}

}
