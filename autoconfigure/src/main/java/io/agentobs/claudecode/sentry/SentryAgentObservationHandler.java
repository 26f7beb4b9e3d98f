package io.agentobs.claudecode.sentry;

import io.agentobs.claudecode.micrometer.AfterStopActions;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.GenAiOperationName;
import io.agentobs.claudecode.observation.SessionLoadObservationContext;
import io.agentobs.claudecode.observation.SessionLoadObservationDocumentation;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.sentry.IScopes;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Instrumenter;
import io.sentry.SentryDate;
import io.sentry.SentryLongDate;
import io.sentry.SentryNanotimeDate;
import io.sentry.SpanOptions;
import io.sentry.SpanStatus;
import io.sentry.TransactionOptions;
import io.sentry.protocol.TransactionNameSource;

/**
 * Records Claude Code agent observations as Sentry spans, with ops
 * {@code gen_ai.invoke_agent}, {@code gen_ai.chat} and {@code gen_ai.execute_tool}, the
 * contextual name as description, origin {@code auto.ai.claude_code} and all key values as
 * typed span data.
 * <p>
 * A span's parent is the span of the nearest ancestor observation; else the span that is
 * current in Sentry when the run starts (for example the transaction of an HTTP request);
 * else the span is a new transaction (a run from a runner or a scheduled task). Spans never
 * become current: messages may be consumed on another thread. A failed top-level run also
 * captures one error event, see {@link AgentRunFailureCapture}. Failures of this handler are
 * logged, never thrown.
 */
public class SentryAgentObservationHandler implements ObservationHandler<Observation.Context> {

	/**
	 * The origin of every span and captured error.
	 */
	public static final String ORIGIN = "auto.ai.claude_code";

	private static final String OPERATION_PREFIX = "gen_ai.";

	private static final String SCOPES_CREATOR = "ClaudeCode";

	private final IScopes scopes;

	private final boolean legacyAttributes;

	/**
	 * Create a handler that records into the given scopes.
	 * @param scopes the Sentry scopes, typically {@code ScopesAdapter.getInstance()}
	 */
	public SentryAgentObservationHandler(IScopes scopes) {
		this(scopes, false);
	}

	/**
	 * Create a handler that records into the given scopes.
	 * @param scopes the Sentry scopes, typically {@code ScopesAdapter.getInstance()}
	 * @param legacyAttributes whether span data keeps the keys Sentry's conventions deprecate
	 * ({@code gen_ai.tool.type}); off by default
	 */
	public SentryAgentObservationHandler(IScopes scopes, boolean legacyAttributes) {
		this.scopes = scopes;
		this.legacyAttributes = legacyAttributes;
		ClaudeCodeSentryIntegration.register();
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AgentInvocationObservationContext || context instanceof ChatObservationContext
				|| context instanceof ToolExecutionObservationContext || context instanceof SessionLoadObservationContext;
	}

	@Override
	public void onStart(Observation.Context context) {
		// The OpenTelemetry copy's start, else the clock read first thing
		SentryDate now = now();
		long openTelemetryStart = openTelemetryStart(context);
		SentryDate startDate = (openTelemetryStart != OpenTelemetrySpanTimes.NONE)
				? new SentryLongDate(openTelemetryStart) : now;
		InstrumentationFailures.run("starting a Sentry span", () -> start(context, startDate, openTelemetryStart));
	}

	@Override
	public void onStop(Observation.Context context) {
		SentryDate now = now();
		SentryObservationSpan span = SentryObservationSpan.of(context);
		if (span == null || !span.claimEnd()) {
			return;
		}
		// Ended once every handler knows of the stop, so that the end is the OpenTelemetry
		// copy's: the tracing handler, registered before this one, is told after it
		if (!AfterStopActions.defer(context, () -> end(context, span, now))) {
			end(context, span, now);
		}
	}

	private void end(Observation.Context context, SentryObservationSpan span, SentryDate now) {
		SentryDate endDate = endOf(context, span, now);
		InstrumentationFailures.run("recording a Sentry span", () -> record(context, span));
		InstrumentationFailures.run("capturing a failed agent run in Sentry",
				() -> AgentRunFailureCapture.captureIfFailedRun(context, span));
		InstrumentationFailures.run("finishing a Sentry span",
				() -> span.span()
					.finish((context.getError() != null) ? SpanStatus.INTERNAL_ERROR : SpanStatus.OK, endDate));
	}

	private static long openTelemetryStart(Observation.Context context) {
		try {
			return OpenTelemetrySpanTimes.start(context);
		}
		catch (RuntimeException | LinkageError ex) {
			return OpenTelemetrySpanTimes.NONE;
		}
	}

	private static SentryDate endOf(Observation.Context context, SentryObservationSpan span, SentryDate now) {
		try {
			long end = OpenTelemetrySpanTimes.end(context, span.openTelemetryStart());
			return (end != OpenTelemetrySpanTimes.NONE) ? new SentryLongDate(end) : now;
		}
		catch (RuntimeException | LinkageError ex) {
			return now;
		}
	}

	private SentryDate now() {
		try {
			return this.scopes.getOptions().getDateProvider().now();
		}
		catch (RuntimeException ex) {
			return new SentryNanotimeDate();
		}
	}

	private void start(Observation.Context context, SentryDate startDate, long openTelemetryStart) {
		String operation = operation(context);
		// The contextual name is known at stop only; the span is renamed then.
		String description = (context.getContextualName() != null) ? context.getContextualName()
				: context.getName();
		SentryObservationSpan parent = SentryObservationSpan.ofNearestAncestor(context);
		if (parent != null) {
			ISpan span = parent.span().startChild(operation, description, startDate, Instrumenter.SENTRY,
					spanOptions());
			context.put(SentryObservationSpan.class, new SentryObservationSpan(span, parent.scopes(), openTelemetryStart));
			return;
		}
		if (!this.scopes.isEnabled()) {
			return;
		}
		IScopes runScopes = this.scopes.forkedCurrentScope(SCOPES_CREATOR);
		ISpan current = runScopes.getSpan();
		ISpan span = (current != null)
				? current.startChild(operation, description, startDate, Instrumenter.SENTRY, spanOptions())
				: runScopes.startTransaction(OpenTelemetryTraceIds.transactionContext(context, description, operation),
						transactionOptions(startDate));
		context.put(SentryObservationSpan.class, new SentryObservationSpan(span, runScopes, openTelemetryStart));
	}

	private void record(Observation.Context context, SentryObservationSpan span) {
		ISpan sentrySpan = span.span();
		String name = context.getContextualName();
		if (name != null) {
			sentrySpan.setDescription(name);
			if (sentrySpan instanceof ITransaction transaction) {
				transaction.setName(name, TransactionNameSource.CUSTOM);
			}
		}
		SentrySpanData.forEach(context, this.legacyAttributes, sentrySpan::setData);
		if (context.getError() != null) {
			sentrySpan.setThrowable(context.getError());
		}
	}

	private static String operation(Observation.Context context) {
		if (context instanceof SessionLoadObservationContext) {
			return SessionLoadObservationDocumentation.DefaultConvention.NAME;
		}
		GenAiOperationName operation = (context instanceof AgentInvocationObservationContext)
				? GenAiOperationName.INVOKE_AGENT : (context instanceof ChatObservationContext) ? GenAiOperationName.CHAT
						: GenAiOperationName.EXECUTE_TOOL;
		return OPERATION_PREFIX + operation.value();
	}

	private static SpanOptions spanOptions() {
		SpanOptions options = new SpanOptions();
		options.setOrigin(ORIGIN);
		return options;
	}

	private static TransactionOptions transactionOptions(SentryDate startDate) {
		TransactionOptions options = new TransactionOptions();
		options.setStartTimestamp(startDate);
		options.setOrigin(ORIGIN);
		options.setBindToScope(false);
		return options;
	}

}
