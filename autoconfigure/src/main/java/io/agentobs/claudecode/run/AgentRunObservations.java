package io.agentobs.claudecode.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.agentobs.claudecode.content.SecretEnvironment;
import io.agentobs.claudecode.content.SecretMask;
import io.agentobs.claudecode.micrometer.AgentObservationFactory;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentInvocationObservationConvention;
import io.agentobs.claudecode.observation.ChatObservationConvention;
import io.agentobs.claudecode.observation.ToolExecutionObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Starts the observation of agent runs: creates a {@link AgentRunRecorder} per run (or per
 * turn of a session) with the configured agent name, under the current observation, and
 * collects the environment its agent process should get.
 */
public final class AgentRunObservations {

	private final AgentObservationFactory observations;

	private final String agentName;

	private final List<CliEnvironmentProvider> environmentProviders;

	private final SecretEnvironment secretEnvironment;

	private final LiveRuns liveRuns;

	private AgentRunObservations(Builder builder) {
		this.observations = new AgentObservationFactory(builder.registry, builder.agentConvention,
				builder.chatConvention, builder.toolConvention);
		this.agentName = builder.agentName;
		this.environmentProviders = List.copyOf(builder.environmentProviders);
		this.secretEnvironment = builder.secretEnvironment;
		this.liveRuns = builder.liveRuns;
	}

	/**
	 * A builder of run observations in the given registry, with the default conventions, the
	 * agent name {@code claude-code}, no CLI environment and only the credentials found by name
	 * masked.
	 * @param registry the observation registry
	 * @return a new builder
	 */
	public static Builder builder(ObservationRegistry registry) {
		return new Builder(registry);
	}

	/**
	 * Whether observations are switched off (a no-op registry, or one without handlers), so
	 * runs need not be observed at all.
	 * @return {@code true} when observing would record nothing
	 */
	public boolean isNoop() {
		return this.observations.getRegistry().isNoop();
	}

	/**
	 * Creates and starts the recorder of a run, as a child of the current observation.
	 * @param prompt the user's prompt
	 * @param systemInstructions the system prompt, may be {@code null}
	 * @param requestModel the requested model, may be {@code null}
	 * @param sessionCost the cost state of the run's session
	 * @return the started recorder
	 */
	public AgentRunRecorder startRun(String prompt, String systemInstructions, String requestModel,
			SessionCost sessionCost) {
		return startRun(prompt, systemInstructions, requestModel, sessionCost, Map.of());
	}

	/**
	 * Creates and starts the recorder of a run, as a child of the current observation, whose
	 * recorded content masks the credentials of its agent process's environment.
	 * @param prompt the user's prompt
	 * @param systemInstructions the system prompt, may be {@code null}
	 * @param requestModel the requested model, may be {@code null}
	 * @param sessionCost the cost state of the run's session
	 * @param cliEnvironment the variables the client adds to this process's environment for
	 * the agent process
	 * @return the started recorder
	 */
	public AgentRunRecorder startRun(String prompt, String systemInstructions, String requestModel,
			SessionCost sessionCost, Map<String, String> cliEnvironment) {
		AgentInvocationObservationContext context = new AgentInvocationObservationContext(this.agentName);
		InstrumentationFailures.run("finding the secrets of an agent process",
				() -> context.put(SecretMask.class, this.secretEnvironment.mask(cliEnvironment)));
		context.setPrompt(prompt);
		context.setSystemInstructions(systemInstructions);
		context.setRequestModel(requestModel);
		AgentRunRecorder recorder = new AgentRunRecorder(this.observations, context, sessionCost,
				(this.liveRuns != null) ? this.liveRuns::isRunByHost : (toolName) -> false);
		Observation parent = this.observations.getRegistry().getCurrentObservation();
		InstrumentationFailures.run("starting an agent observation", () -> recorder.start(parent));
		if (this.liveRuns != null) {
			InstrumentationFailures.run("registering a live agent run", () -> this.liveRuns.started(recorder));
		}
		return recorder;
	}

	/**
	 * The environment for the agent process of a run.
	 * @param recorder the run's recorder
	 * @return the variables, empty when there are none
	 */
	public Map<String, String> cliEnvironment(AgentRunRecorder recorder) {
		Observation agent = recorder.agentObservation();
		Map<String, String> environment = new HashMap<>();
		if (agent == null) {
			return environment;
		}
		for (CliEnvironmentProvider provider : this.environmentProviders) {
			InstrumentationFailures.run("computing the agent process environment",
					() -> environment.putAll(provider.environment(agent)));
		}
		return environment;
	}

	/**
	 * The environment for an agent process started outside any run (a session's process
	 * started before its first prompt): the providers' variables that need no run, such as
	 * the CLI's telemetry settings, without a trace context.
	 * @return the variables, empty when there are none
	 */
	public Map<String, String> cliEnvironmentOutsideRuns() {
		Map<String, String> environment = new HashMap<>();
		for (CliEnvironmentProvider provider : this.environmentProviders) {
			InstrumentationFailures.run("computing the agent process environment",
					() -> environment.putAll(provider.environment(Observation.NOOP)));
		}
		return environment;
	}

	/**
	 * Builds {@link AgentRunObservations}.
	 */
	public static final class Builder {

		private final ObservationRegistry registry;

		private String agentName = "claude-code";

		private AgentInvocationObservationConvention agentConvention;

		private ChatObservationConvention chatConvention;

		private ToolExecutionObservationConvention toolConvention;

		private List<CliEnvironmentProvider> environmentProviders = List.of();

		private SecretEnvironment secretEnvironment = new SecretEnvironment(List.of());

		private LiveRuns liveRuns;

		private Builder(ObservationRegistry registry) {
			this.registry = Objects.requireNonNull(registry, "registry");
		}

		/**
		 * The name of the agent, in span names and as {@code gen_ai.agent.name}.
		 * @param agentName the name
		 * @return this builder
		 */
		public Builder agentName(String agentName) {
			this.agentName = Objects.requireNonNull(agentName, "agentName");
			return this;
		}

		/**
		 * A convention replacing the default one of {@code invoke_agent} observations.
		 * @param convention the convention, {@code null} for the default
		 * @return this builder
		 */
		public Builder agentConvention(AgentInvocationObservationConvention convention) {
			this.agentConvention = convention;
			return this;
		}

		/**
		 * A convention replacing the default one of {@code chat} observations.
		 * @param convention the convention, {@code null} for the default
		 * @return this builder
		 */
		public Builder chatConvention(ChatObservationConvention convention) {
			this.chatConvention = convention;
			return this;
		}

		/**
		 * A convention replacing the default one of {@code execute_tool} observations.
		 * @param convention the convention, {@code null} for the default
		 * @return this builder
		 */
		public Builder toolConvention(ToolExecutionObservationConvention convention) {
			this.toolConvention = convention;
			return this;
		}

		/**
		 * What adds variables to the environment of each run's CLI process (its trace context,
		 * say), in order.
		 * @param providers the providers
		 * @return this builder
		 */
		public Builder cliEnvironmentProviders(List<CliEnvironmentProvider> providers) {
			this.environmentProviders = List.copyOf(providers);
			return this;
		}

		/**
		 * Which credentials of the CLI process environment are masked in recorded content.
		 * @param secretEnvironment the secret environment
		 * @return this builder
		 */
		public Builder secretEnvironment(SecretEnvironment secretEnvironment) {
			this.secretEnvironment = Objects.requireNonNull(secretEnvironment, "secretEnvironment");
			return this;
		}

		/**
		 * Where each started run is registered with its caller's context, for the tools the
		 * application runs itself.
		 * @param liveRuns the registry, {@code null} for none
		 * @return this builder
		 */
		public Builder liveRuns(LiveRuns liveRuns) {
			this.liveRuns = liveRuns;
			return this;
		}

		/**
		 * Builds the run observations.
		 * @return the run observations
		 */
		public AgentRunObservations build() {
			return new AgentRunObservations(this);
		}

	}

}
