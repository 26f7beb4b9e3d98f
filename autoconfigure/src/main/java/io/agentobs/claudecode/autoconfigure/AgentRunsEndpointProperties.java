package io.agentobs.claudecode.autoconfigure;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the {@code agentruns} endpoint. Exposure and access use
 * Boot's own {@code management.endpoints.web.exposure.include} and
 * {@code management.endpoint.agentruns.access}.
 */
@ConfigurationProperties("management.endpoint.agentruns")
public class AgentRunsEndpointProperties {

	/**
	 * Number of finished runs kept, most recent first.
	 */
	private int maxFinishedRuns = 50;

	/**
	 * Number of steps (model calls, tool calls, subagents) a run's timeline keeps; later steps
	 * are counted but not kept.
	 */
	private int maxStepsPerRun = 500;

	/**
	 * Time an interrupted run may take to end before it is closed.
	 */
	private Duration interruptTimeout = Duration.ofSeconds(1);

	/**
	 * When to show prompts (recorded only with sentry.claude-code.record-inputs).
	 */
	private Show showValues = Show.NEVER;

	/**
	 * Roles that may see prompts when show-values is when-authorized.
	 */
	private Set<String> roles = new HashSet<>();

	public int getMaxFinishedRuns() {
		return this.maxFinishedRuns;
	}

	public void setMaxFinishedRuns(int maxFinishedRuns) {
		this.maxFinishedRuns = maxFinishedRuns;
	}

	public int getMaxStepsPerRun() {
		return this.maxStepsPerRun;
	}

	public void setMaxStepsPerRun(int maxStepsPerRun) {
		this.maxStepsPerRun = maxStepsPerRun;
	}

	public Duration getInterruptTimeout() {
		return this.interruptTimeout;
	}

	public void setInterruptTimeout(Duration interruptTimeout) {
		this.interruptTimeout = interruptTimeout;
	}

	public Show getShowValues() {
		return this.showValues;
	}

	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<String> roles) {
		this.roles = roles;
	}

}
