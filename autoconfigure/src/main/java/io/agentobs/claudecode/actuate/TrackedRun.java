package io.agentobs.claudecode.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentRunControl;
import io.micrometer.observation.Observation;

/**
 * The state of one top-level agent run, built from the observations of its steps. Not
 * thread-safe: {@link AgentRunRegistry} guards it. While the run is open it reads its live
 * context; once it ends, {@link #end} keeps only what the endpoint shows.
 */
final class TrackedRun {

	private final String id;

	private final Instant startedAt;

	private final int maxSteps;

	private final String prompt;

	private final List<RunStep> steps = new ArrayList<>();

	private final Set<RunStep> openSteps = new LinkedHashSet<>();

	private final CompletableFuture<Void> ended = new CompletableFuture<>();

	private AgentInvocationObservationContext context;

	private final String agentName;

	private SpanIds spanIds;

	private int keptSteps;

	private int droppedSteps;

	private int modelCalls;

	private int toolCalls;

	private int subagents;

	private TokenCounts endedTokens = TokenCounts.NONE;

	private String lastModel;

	private AgentRunDescriptor finalDescriptor;

	TrackedRun(String id, AgentInvocationObservationContext context, Instant startedAt, int maxSteps,
			String prompt) {
		this.id = id;
		this.context = context;
		this.agentName = context.getAgentName();
		this.startedAt = startedAt;
		this.maxSteps = maxSteps;
		this.prompt = prompt;
	}

	String id() {
		return this.id;
	}

	String agentName() {
		return this.agentName;
	}

	boolean isOpen() {
		return this.finalDescriptor == null;
	}

	AgentInvocationObservationContext context() {
		return this.context;
	}

	CompletableFuture<Void> ended() {
		return this.ended;
	}

	AgentRunControl control() {
		return (this.context != null) ? this.context.getRunControl() : null;
	}

	/**
	 * A step of the run started.
	 * @param parent the open step it is nested under, {@code null} for a step of the run itself
	 * @param kind the kind of step
	 * @param context its observation context
	 * @param now when it started
	 * @return the step
	 */
	RunStep stepStarted(RunStep parent, String kind, Observation.Context context, Instant now) {
		switch (kind) {
			case RunStep.MODEL_CALL -> this.modelCalls++;
			case RunStep.TOOL_CALL -> this.toolCalls++;
			default -> this.subagents++;
		}
		boolean kept = this.keptSteps < this.maxSteps && (parent == null || parent.isKept());
		RunStep step = new RunStep(kind, context, now, kept);
		if (kept) {
			this.keptSteps++;
			if (parent != null) {
				parent.addChild(step);
			}
			else {
				this.steps.add(step);
			}
		}
		else {
			this.droppedSteps++;
		}
		this.openSteps.add(step);
		return step;
	}

	void stepEnded(RunStep step, Instant now) {
		step.end(now);
		this.openSteps.remove(step);
		this.endedTokens = this.endedTokens.plus(step.usage());
		if (RunStep.MODEL_CALL.equals(step.kind()) && step.name() != null) {
			this.lastModel = step.name();
		}
	}

	/**
	 * Resolves the ids of the run's span, once, while its context is available.
	 * @param resolver reads them from the context
	 */
	void resolveSpanIds(SpanIds.Resolver resolver) {
		if (this.spanIds == null && this.context != null) {
			this.spanIds = resolver.resolve(this.context);
		}
	}

	/**
	 * The run ended: keeps its final description and lets go of every context.
	 * @param now when it ended
	 */
	void end(Instant now) {
		for (RunStep step : new ArrayList<>(this.openSteps)) {
			stepEnded(step, now);
		}
		this.finalDescriptor = describe(now, true, now);
		this.context = null;
		this.steps.clear();
		this.ended.complete(null);
	}

	/**
	 * Describes the run.
	 * @param now the current time
	 * @param withSteps whether to include the step timeline
	 * @return the description
	 */
	AgentRunDescriptor describe(Instant now, boolean withSteps) {
		if (this.finalDescriptor != null) {
			return withSteps ? this.finalDescriptor : this.finalDescriptor.withoutSteps();
		}
		return describe(now, withSteps, null);
	}

	private AgentRunDescriptor describe(Instant now, boolean withSteps, Instant endedAt) {
		AgentInvocationObservationContext context = this.context;
		TokenCounts tokens = this.endedTokens;
		for (RunStep step : this.openSteps) {
			tokens = tokens.plus(step.usage());
		}
		List<RunStepDescriptor> timeline = null;
		if (withSteps) {
			timeline = new ArrayList<>();
			for (RunStep step : this.steps) {
				timeline.add(step.describe(now));
			}
		}
		Activity activity = (endedAt != null) ? Activity.FINISHED : Activity.of(this.openSteps);
		String model = (context.getRequestModel() != null) ? context.getRequestModel() : this.lastModel;
		return new AgentRunDescriptor(this.id, this.agentName, context.getConversationId(),
				(this.spanIds != null) ? this.spanIds.traceId() : null,
				(this.spanIds != null) ? this.spanIds.spanId() : null, this.startedAt.toString(),
				Duration.between(this.startedAt, now).toMillis(), activity.state(), activity.tool(),
				activity.toolSince(), activity.subagent(), this.modelCalls, this.toolCalls, this.subagents, tokens,
				context.getCostUsd(), model, (endedAt != null) ? outcome(context) : null,
				(endedAt != null) ? endedAt.toString() : null, endedAt == null && context.getRunControl() != null,
				this.prompt, timeline, withSteps ? this.droppedSteps : null, null, null,
				context.isSessionStoreBacked() ? Boolean.TRUE : null);
	}

	private static String outcome(AgentInvocationObservationContext context) {
		if (context.getErrorType() != null) {
			return context.getErrorType();
		}
		if (context.getError() != null) {
			return context.getError().getClass().getSimpleName();
		}
		return (context.getResultSubtype() != null) ? context.getResultSubtype() : "ended_without_result";
	}

}
