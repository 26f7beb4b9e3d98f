package io.agentobs.claudecode.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.TokenUsage;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.micrometer.observation.Observation;

/**
 * One step of a tracked run, as its observation reports it: a model call, a tool call or a
 * subagent, with the steps nested under it. While the step is open it reads its live context;
 * once it ends it keeps only its final numbers.
 */
final class RunStep {

	static final String MODEL_CALL = "model_call";

	static final String TOOL_CALL = "tool_call";

	static final String SUBAGENT = "subagent";

	private final String kind;

	private final Instant startedAt;

	private final boolean kept;

	private final List<RunStep> children = new ArrayList<>();

	private Observation.Context context;

	private String name;

	private Instant endedAt;

	private TokenUsage usage;

	private String errorType;

	/**
	 * Creates an open step.
	 * @param kind the kind of step
	 * @param context its observation context
	 * @param startedAt when it started
	 * @param kept whether the step is in its run's timeline (a run keeps a limited number)
	 */
	RunStep(String kind, Observation.Context context, Instant startedAt, boolean kept) {
		this.kind = kind;
		this.context = context;
		this.startedAt = startedAt;
		this.kept = kept;
		this.name = nameOf(context);
	}

	/**
	 * The kind of step of the given context.
	 * @param context an observation context
	 * @return the kind, or {@code null} for a context that is not a step
	 */
	static String kindOf(Observation.ContextView context) {
		if (context instanceof ChatObservationContext) {
			return MODEL_CALL;
		}
		if (context instanceof ToolExecutionObservationContext) {
			return TOOL_CALL;
		}
		return (context instanceof AgentInvocationObservationContext) ? SUBAGENT : null;
	}

	void addChild(RunStep child) {
		this.children.add(child);
	}

	/**
	 * The step ended: keeps its final numbers and lets go of its context.
	 * @param endedAt when it ended
	 */
	void end(Instant endedAt) {
		this.endedAt = endedAt;
		this.name = nameOf(this.context);
		this.usage = usageOf(this.context);
		this.errorType = errorTypeOf(this.context);
		this.context = null;
	}

	boolean isOpen() {
		return this.endedAt == null;
	}

	boolean isKept() {
		return this.kept;
	}

	String kind() {
		return this.kind;
	}

	String name() {
		return isOpen() ? nameOf(this.context) : this.name;
	}

	Instant startedAt() {
		return this.startedAt;
	}

	List<RunStep> children() {
		return this.children;
	}

	/**
	 * The token counts of the step, live while it is open.
	 * @return the usage of a model call, {@code null} for other steps or when unknown
	 */
	TokenUsage usage() {
		return isOpen() ? usageOf(this.context) : this.usage;
	}

	/**
	 * Describes the step and the kept steps under it.
	 * @param now the current time, for the duration of an open step
	 * @return the description
	 */
	RunStepDescriptor describe(Instant now) {
		List<RunStepDescriptor> nested = new ArrayList<>();
		for (RunStep child : this.children) {
			nested.add(child.describe(now));
		}
		String error = isOpen() ? null : this.errorType;
		String status = isOpen() ? "running" : (error != null) ? "error" : "ok";
		Instant end = isOpen() ? now : this.endedAt;
		return new RunStepDescriptor(this.kind, name(), this.startedAt.toString(),
				Duration.between(this.startedAt, end).toMillis(), status, error, TokenCounts.of(usage()), nested);
	}

	private static String nameOf(Observation.Context context) {
		if (context instanceof ChatObservationContext chat) {
			return (chat.getResponseModel() != null) ? chat.getResponseModel() : chat.getRequestModel();
		}
		if (context instanceof ToolExecutionObservationContext tool) {
			return tool.getToolName();
		}
		return (context instanceof AgentInvocationObservationContext agent) ? agent.getAgentName() : null;
	}

	private static TokenUsage usageOf(Observation.Context context) {
		return (context instanceof ChatObservationContext chat) ? chat.getUsage() : null;
	}

	private static String errorTypeOf(Observation.Context context) {
		if (context instanceof ChatObservationContext chat && chat.getErrorType() != null) {
			return chat.getErrorType();
		}
		if (context instanceof ToolExecutionObservationContext tool && tool.getErrorType() != null) {
			return tool.getErrorType();
		}
		if (context instanceof AgentInvocationObservationContext agent && agent.getErrorType() != null) {
			return agent.getErrorType();
		}
		return (context.getError() != null) ? context.getError().getClass().getSimpleName() : null;
	}

}
