package io.agentobs.claudecode.sentry;

import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import io.micrometer.observation.ObservationRegistry;
import io.sentry.IScopes;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Instrumenter;
import io.sentry.SentryDate;
import io.sentry.SentryEvent;
import io.sentry.SpanContext;
import io.sentry.SpanOptions;
import io.sentry.SpanStatus;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The load of a stored session in Sentry: a {@code claude_code.session_store.load} child
 * span of the run's transaction with typed data; a failed load marks its span and the run
 * that failed with it is the one event.
 */
class SentrySessionLoadSpanTests {

	private static final String LOAD = "claude_code.session_store.load";

	private final IScopes scopes = mock(IScopes.class);

	private final IScopes runScopes = mock(IScopes.class);

	private final ITransaction transaction = mock(ITransaction.class);

	private final ISpan loadSpan = mock(ISpan.class);

	private final ObservationRegistry registry = ObservationRegistry.create();

	SentrySessionLoadSpanTests() {
		given(this.scopes.isEnabled()).willReturn(true);
		given(this.scopes.forkedCurrentScope(anyString())).willReturn(this.runScopes);
		given(this.runScopes.startTransaction(any(TransactionContext.class), any(TransactionOptions.class)))
			.willReturn(this.transaction);
		given(this.transaction.getSpanContext()).willReturn(new SpanContext("gen_ai.invoke_agent"));
		given(this.transaction.startChild(eq(LOAD), eq(LOAD), any(SentryDate.class), eq(Instrumenter.SENTRY),
				any(SpanOptions.class)))
			.willReturn(this.loadSpan);
		this.registry.observationConfig().observationHandler(new SentryAgentObservationHandler(this.scopes));
	}

	private AgentRunRecorder startRun() {
		return AgentRunObservations.builder(this.registry).build().startRun("prompt", null, null, new SessionCost());
	}

	@Test
	void aLoadIsAChildSpanOfTheRunWithTypedData() {
		AgentRunRecorder recorder = startRun();
		recorder.sessionLoadStarted("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
		recorder.sessionLoadFinished(4, 2048, null);
		verify(this.loadSpan).setData("claude_code.session_store.entries", 4L);
		verify(this.loadSpan).setData("claude_code.session_store.bytes", 2048L);
		verify(this.loadSpan).setData("gen_ai.conversation.id", "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
		verify(this.loadSpan, never()).setData(eq("error.type"), any());
		verify(this.loadSpan, times(1)).finish(eq(SpanStatus.OK), any(SentryDate.class));
		verify(this.transaction, never()).finish(any(SpanStatus.class), any(SentryDate.class));
	}

	@Test
	void aFailedLoadMarksItsSpanAndOnlyTheFailedRunIsAnEvent() {
		IllegalStateException failure = new IllegalStateException("database down");
		AgentRunRecorder recorder = startRun();
		recorder.sessionLoadStarted("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
		recorder.sessionLoadFinished(0, 0, failure);
		recorder.failed(failure);
		verify(this.loadSpan).setData("error.type", IllegalStateException.class.getName());
		verify(this.loadSpan).setThrowable(failure);
		verify(this.loadSpan, times(1)).finish(eq(SpanStatus.INTERNAL_ERROR), any(SentryDate.class));
		verify(this.transaction, times(1)).finish(eq(SpanStatus.INTERNAL_ERROR), any(SentryDate.class));
		verify(this.runScopes, times(1)).captureEvent(any(SentryEvent.class));
	}

	@Test
	void aRunThatFailsWhileItsSessionLoadsEndsTheLoadSpanOnce() {
		AgentRunRecorder recorder = startRun();
		recorder.sessionLoadStarted("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
		recorder.failed(new IllegalStateException("interrupted"));
		recorder.sessionLoadFinished(0, 0, null);
		verify(this.loadSpan, times(1)).finish(any(SpanStatus.class), any(SentryDate.class));
		verify(this.transaction, times(1)).finish(eq(SpanStatus.INTERNAL_ERROR), any(SentryDate.class));
	}

}
