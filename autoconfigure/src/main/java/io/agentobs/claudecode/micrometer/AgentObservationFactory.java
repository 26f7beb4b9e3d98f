package io.agentobs.claudecode.micrometer;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentInvocationObservationConvention;
import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatObservationConvention;
import io.agentobs.claudecode.observation.ChatObservationDocumentation;
import io.agentobs.claudecode.observation.DefaultAgentInvocationObservationConvention;
import io.agentobs.claudecode.observation.DefaultChatObservationConvention;
import io.agentobs.claudecode.observation.DefaultToolExecutionObservationConvention;
import io.agentobs.claudecode.observation.SessionLoadObservationContext;
import io.agentobs.claudecode.observation.SessionLoadObservationDocumentation;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationConvention;
import io.agentobs.claudecode.observation.ToolExecutionObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;

/**
 * Starts the three kinds of agent observations with the configured registry and conventions.
 * A custom convention, when set, replaces the default one.
 */
public final class AgentObservationFactory {

	private static final AgentInvocationObservationConvention DEFAULT_AGENT_CONVENTION = new DefaultAgentInvocationObservationConvention();

	private static final ChatObservationConvention DEFAULT_CHAT_CONVENTION = new DefaultChatObservationConvention();

	private static final ToolExecutionObservationConvention DEFAULT_TOOL_CONVENTION = new DefaultToolExecutionObservationConvention();

	private final ObservationRegistry registry;

	private final AgentInvocationObservationConvention agentConvention;

	private final ChatObservationConvention chatConvention;

	private final ToolExecutionObservationConvention toolConvention;

	public AgentObservationFactory(ObservationRegistry registry) {
		this(registry, null, null, null);
	}

	public AgentObservationFactory(ObservationRegistry registry, AgentInvocationObservationConvention agentConvention,
			ChatObservationConvention chatConvention, ToolExecutionObservationConvention toolConvention) {
		this.registry = registry;
		this.agentConvention = agentConvention;
		this.chatConvention = chatConvention;
		this.toolConvention = toolConvention;
	}

	/**
	 * The registry observations are created in.
	 * @return the registry
	 */
	public ObservationRegistry getRegistry() {
		return this.registry;
	}

	public Observation startAgent(AgentInvocationObservationContext context, Observation parent) {
		return start(AgentInvocationObservationDocumentation.AGENT_INVOCATION.observation(
				guarded(this.agentConvention, DEFAULT_AGENT_CONVENTION, context), DEFAULT_AGENT_CONVENTION, () -> context,
				this.registry), parent);
	}

	public Observation startChat(ChatObservationContext context, Observation parent) {
		return start(ChatObservationDocumentation.CHAT.observation(
				guarded(this.chatConvention, DEFAULT_CHAT_CONVENTION, context), DEFAULT_CHAT_CONVENTION, () -> context,
				this.registry), parent);
	}

	public Observation startTool(ToolExecutionObservationContext context, Observation parent) {
		return start(ToolExecutionObservationDocumentation.TOOL_EXECUTION.observation(
				guarded(this.toolConvention, DEFAULT_TOOL_CONVENTION, context), DEFAULT_TOOL_CONVENTION, () -> context,
				this.registry), parent);
	}

	/**
	 * Starts the observation of a stored session's load.
	 * @param context the context
	 * @param parent the {@code invoke_agent} observation of the turn that resumes the session
	 * @return the started observation
	 */
	public Observation startSessionLoad(SessionLoadObservationContext context, Observation parent) {
		SessionLoadObservationDocumentation.DefaultConvention convention = new SessionLoadObservationDocumentation.DefaultConvention();
		return start(SessionLoadObservationDocumentation.SESSION_LOAD.observation(guarded(null, convention, context),
				convention, () -> context, this.registry), parent);
	}

	/**
	 * Creates a tool observation that starts later, with {@link #startCreated}: a call the
	 * application runs itself, timed by its own run.
	 * @param context the context
	 * @param parent the parent observation
	 * @return the observation, not started
	 */
	public Observation createTool(ToolExecutionObservationContext context, Observation parent) {
		return GuardedObservation.of(ToolExecutionObservationDocumentation.TOOL_EXECUTION
			.observation(guarded(this.toolConvention, DEFAULT_TOOL_CONVENTION, context), DEFAULT_TOOL_CONVENTION,
					() -> context, this.registry)
			.parentObservation(parent));
	}

	/**
	 * Starts an observation made by {@link #createTool}, within the scope of its parent.
	 * @param observation the observation
	 * @param parent its parent observation
	 */
	public void startCreated(Observation observation, Observation parent) {
		try {
			ParentScope.startWithin(this.registry, parent, observation);
		}
		catch (RuntimeException ex) {
			InstrumentationFailures.run("stopping an observation whose start failed", observation::stop);
			throw ex;
		}
	}

	/**
	 * The custom convention, else the global one Micrometer would choose, falling back to the
	 * default convention for each value it fails to give; else the default convention (so that
	 * Micrometer does not ask the global conventions again, a failing one included).
	 */
	private <T extends Observation.Context> ObservationConvention<T> guarded(ObservationConvention<T> custom,
			ObservationConvention<T> fallback, T context) {
		if (this.registry.isNoop()) {
			return custom;
		}
		ObservationConvention<T> chosen = (custom != null) ? custom : GlobalConventions.find(this.registry, context);
		return (chosen != null) ? new FallbackObservationConvention<>(chosen, fallback) : fallback;
	}

	/**
	 * Starts an observation, guarded against failing filters and handlers, inside the scope
	 * of its parent; when a handler fails during the start, the observation is stopped so
	 * that handlers that did start (a tracer's span, say) are ended.
	 */
	private Observation start(Observation created, Observation parent) {
		Observation observation = GuardedObservation.of(created.parentObservation(parent));
		try {
			return ParentScope.startWithin(this.registry, parent, observation);
		}
		catch (RuntimeException ex) {
			InstrumentationFailures.run("stopping an observation whose start failed", observation::stop);
			throw ex;
		}
	}

}
