package io.agentobs.claudecode.run;

import io.agentobs.claudecode.content.SecretEnvironment;
import io.agentobs.claudecode.micrometer.AgentObservationFactory;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.content.SecretMask;
import io.micrometer.observation.Observation;

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

	public AgentRunObservations(AgentObservationFactory observations, String agentName,
			List<CliEnvironmentProvider> environmentProviders) {
		this(observations, agentName, environmentProviders, new SecretEnvironment(List.of()));
	}

	public AgentRunObservations(AgentObservationFactory observations, String agentName,
			List<CliEnvironmentProvider> environmentProviders, SecretEnvironment secretEnvironment) {
		this.observations = observations;
		this.agentName = agentName;
		this.environmentProviders = List.copyOf(environmentProviders);
		this.secretEnvironment = secretEnvironment;
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
		AgentRunRecorder recorder = new AgentRunRecorder(this.observations, context, sessionCost);
		Observation parent = this.observations.getRegistry().getCurrentObservation();
		InstrumentationFailures.run("starting an agent observation", () -> recorder.start(parent));
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

}
