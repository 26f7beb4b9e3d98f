package io.agentobs.claudecode.boot3;

import io.agentobs.claudecode.actuate.McpServerHealth;
import io.agentobs.claudecode.actuate.McpServerStatuses;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health of one configured MCP server on Spring Boot 3.5's Actuator, as
 * {@link McpServerHealth} decides it from the status the latest run's {@code system/init}
 * message reported.
 */
public class Boot3McpServerHealthIndicator implements HealthIndicator {

	private final McpServerStatuses statuses;

	private final String name;

	public Boot3McpServerHealthIndicator(McpServerStatuses statuses, String name) {
		this.statuses = statuses;
		this.name = name;
	}

	@Override
	public Health health() {
		McpServerHealth health = McpServerHealth.of(this.statuses, this.name);
		return Health.status(health.status().name()).withDetails(health.details()).build();
	}

}
