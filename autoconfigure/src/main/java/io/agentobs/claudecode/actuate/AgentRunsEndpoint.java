package io.agentobs.claudecode.actuate;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.agentobs.claudecode.observation.AgentRunControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code agentruns} endpoint: the agent runs in progress and the last finished ones,
 * one run's step timeline, and an interrupt for a run in progress. Prompts appear only when
 * inputs are recorded and {@code show-values} allows it, like Boot's own endpoints.
 */
@Endpoint(id = "agentruns")
public class AgentRunsEndpoint {

	private static final Logger logger = LoggerFactory.getLogger(AgentRunsEndpoint.class);

	private final AgentRunRegistry registry;

	private final Duration interruptTimeout;

	private final Show showValues;

	private final Set<String> roles;

	/**
	 * Creates the endpoint.
	 * @param registry the runs
	 * @param interruptTimeout how long an interrupted run may take to end before it is closed
	 * @param showValues when prompts are shown
	 * @param roles the roles that may see them with {@link Show#WHEN_AUTHORIZED}
	 */
	public AgentRunsEndpoint(AgentRunRegistry registry, Duration interruptTimeout, Show showValues,
			Set<String> roles) {
		this.registry = registry;
		this.interruptTimeout = interruptTimeout;
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
	 * interrupt timeout. Its {@code invoke_agent} span ends with {@code error.type=interrupted}.
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
		AgentRunControl control = run.control();
		String requester = requester(securityContext);
		if (control == null) {
			logger.warn("Agent run {} ({}) cannot be interrupted (asked by {}): its client offers no control", id,
					run.agentName(), requester);
		}
		else {
			logger.info("Interrupting agent run {} ({}) at the request of {}", id, run.agentName(), requester);
			control.interrupt();
			if (!endsWithin(run, this.interruptTimeout)) {
				logger.info("Agent run {} did not end within {} of its interrupt; closing it", id,
						this.interruptTimeout);
				control.close();
				endsWithin(run, this.interruptTimeout);
			}
		}
		return run(id, securityContext);
	}

	private static boolean endsWithin(TrackedRun run, Duration timeout) {
		try {
			run.ended().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
	}

	private static String requester(SecurityContext securityContext) {
		Principal principal = (securityContext != null) ? securityContext.getPrincipal() : null;
		return (principal != null) ? principal.getName() : "an anonymous caller";
	}

	private static List<AgentRunDescriptor> sanitized(List<AgentRunDescriptor> runs, boolean showPrompts) {
		return runs.stream().map((run) -> sanitized(run, showPrompts)).toList();
	}

	private static AgentRunDescriptor sanitized(AgentRunDescriptor run, boolean showPrompts) {
		return showPrompts ? run : run.withoutPrompt();
	}

}
