package io.agentobs.claudecode.actuate;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code agentruns} endpoint: the agent runs in progress and the last finished ones,
 * one run's step timeline, and an interrupt for a run in progress. Prompts are kept only when
 * inputs are recorded and are sanitized like the values of Boot's {@code env} endpoint:
 * {@code ******} unless {@code show-values} allows them, then passed through the
 * {@link org.springframework.boot.actuate.endpoint.SanitizingFunction SanitizingFunctions}.
 */
@Endpoint(id = "agentruns")
public class AgentRunsEndpoint {

	private final AgentRunRegistry registry;

	private final RunStopper stopper;

	private final Sanitizer sanitizer;

	private final Show showValues;

	private final Set<String> roles;

	/**
	 * Creates the endpoint.
	 * @param registry the runs
	 * @param interruptTimeout how long an interrupted run may take to end before it is closed
	 * @param sanitizer sanitizes prompts
	 * @param showValues when prompts are shown unsanitized
	 * @param roles the roles that may see them with {@link Show#WHEN_AUTHORIZED}
	 */
	public AgentRunsEndpoint(AgentRunRegistry registry, Duration interruptTimeout, Sanitizer sanitizer,
			Show showValues, Set<String> roles) {
		this.registry = registry;
		this.stopper = new RunStopper(interruptTimeout);
		this.sanitizer = sanitizer;
		this.showValues = showValues;
		this.roles = Set.copyOf(roles);
	}

	@ReadOperation
	public AgentRunsDescriptor runs(SecurityContext securityContext) {
		boolean showPrompts = this.showValues.isShown(securityContext, this.roles);
		return new AgentRunsDescriptor(sanitized(this.registry.running(), showPrompts),
				sanitized(this.registry.finished(), showPrompts));
	}

	@ReadOperation
	public AgentRunDescriptor run(@Selector String id, SecurityContext securityContext) {
		AgentRunDescriptor run = this.registry.run(id);
		return (run != null) ? sanitized(run, this.showValues.isShown(securityContext, this.roles)) : null;
	}

	/**
	 * Stops a run in progress: interrupts it, and closes it when it has not ended within the
	 * interrupt timeout; returns once it ended, at most twice the timeout later. Its {@code invoke_agent} span ends with {@code error.type=interrupted}.
	 * @param id the run's id
	 * @param securityContext who asks, for the log
	 * @return the run as it is after the interrupt, or {@code null} when it is not in progress
	 */
	@DeleteOperation
	public AgentRunDescriptor interrupt(@Selector String id, SecurityContext securityContext) {
		TrackedRun run = this.registry.runningRun(id);
		if (run == null) {
			return null;
		}
		this.stopper.stop(run, requester(securityContext));
		return run(id, securityContext);
	}

	private static String requester(SecurityContext securityContext) {
		Principal principal = (securityContext != null) ? securityContext.getPrincipal() : null;
		return (principal != null) ? principal.getName() : "an anonymous caller";
	}

	private List<AgentRunDescriptor> sanitized(List<AgentRunDescriptor> runs, boolean showUnsanitized) {
		return runs.stream().map((run) -> sanitized(run, showUnsanitized)).toList();
	}

	private AgentRunDescriptor sanitized(AgentRunDescriptor run, boolean showUnsanitized) {
		if (run.prompt() == null) {
			return run;
		}
		Object prompt = this.sanitizer.sanitize(new SanitizableData(null, "prompt", run.prompt()), showUnsanitized);
		return run.withPrompt((prompt != null) ? prompt.toString() : null);
	}

}
