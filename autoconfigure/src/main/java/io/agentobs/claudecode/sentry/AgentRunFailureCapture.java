package io.agentobs.claudecode.sentry;

import java.util.List;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentRunControl;
import io.agentobs.claudecode.observation.AgentRunFailedException;
import io.micrometer.common.lang.Nullable;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.exception.ExceptionMechanismException;
import io.sentry.protocol.Mechanism;

/**
 * Captures one Sentry error event per failed agent run: for the top-level
 * {@code invoke_agent} observation only, when it ended with an error. A failed subagent is
 * reported to its parent agent as a failed tool result, which the parent may recover from;
 * if the run fails because of it, the top-level agent carries the error. Tool failures are
 * part of a normal run and capture nothing, nor does a run stopped on request
 * ({@code error.type=interrupted}).
 * <p>
 * The event is unhandled ({@code handled: false}, mechanism {@code auto.ai.claude_code}) and
 * belongs to the trace of the agent span.
 */
final class AgentRunFailureCapture {

	private static final String DEFAULT_FINGERPRINT = "{{ default }}";

	private AgentRunFailureCapture() {
	}

	/**
	 * Capture the failure of the run the given observation ended, if it is a failed
	 * top-level agent run.
	 * @param context the context of a stopped observation
	 * @param span the observation's Sentry span
	 */
	static void captureIfFailedRun(Observation.Context context, SentryObservationSpan span) {
		Throwable error = context.getError();
		if (error == null || !(context instanceof AgentInvocationObservationContext agent) || hasAgentAncestor(agent)
				|| AgentRunControl.INTERRUPTED.equals(agent.getErrorType())) {
			return;
		}
		span.scopes().captureEvent(event(agent, error, span));
	}

	private static SentryEvent event(AgentInvocationObservationContext context, Throwable error,
			SentryObservationSpan span) {
		Mechanism mechanism = new Mechanism();
		mechanism.setType(SentryAgentObservationHandler.ORIGIN);
		mechanism.setHandled(false);
		SentryEvent event = new SentryEvent(
				new ExceptionMechanismException(mechanism, error, Thread.currentThread()));
		event.setLevel(SentryLevel.ERROR);
		event.getContexts().setTrace(span.span().getSpanContext());
		String transactionName = span.transactionName();
		if (transactionName != null) {
			event.setTransaction(transactionName);
		}
		event.setTag("gen_ai.agent.name", context.getAgentName());
		String errorType = errorType(context, error);
		if (errorType != null) {
			event.setTag("error.type", errorType);
		}
		if (error instanceof AgentRunFailedException) {
			// All reported failures share one stack trace: group them by error type instead.
			event.setFingerprints(List.of(DEFAULT_FINGERPRINT, String.valueOf(errorType)));
		}
		return event;
	}

	@Nullable
	private static String errorType(AgentInvocationObservationContext context, Throwable error) {
		if (error instanceof AgentRunFailedException failed && failed.getErrorType() != null) {
			return failed.getErrorType();
		}
		return context.getErrorType();
	}

	private static boolean hasAgentAncestor(Observation.ContextView context) {
		ObservationView parent = context.getParentObservation();
		while (parent != null) {
			Observation.ContextView parentContext = parent.getContextView();
			if (parentContext instanceof AgentInvocationObservationContext) {
				return true;
			}
			parent = parentContext.getParentObservation();
		}
		return false;
	}

}
