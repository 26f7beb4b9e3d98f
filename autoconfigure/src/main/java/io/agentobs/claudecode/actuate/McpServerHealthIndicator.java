package io.agentobs.claudecode.actuate;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one configured MCP server on Spring Boot 4's health module, as
 * {@link McpServerHealth} decides it from the status the latest run's {@code system/init}
 * message reported.
 */
public class McpServerHealthIndicator implements HealthIndicator {

	private final McpServerStatuses statuses;

	private final String name;

	public McpServerHealthIndicator(McpServerStatuses statuses, String name) {
		this.statuses = statuses;
		this.name = name;
	}

	@Override
	public Health health() {
		McpServerHealth health = McpServerHealth.of(this.statuses, this.name);
		return Health.status(health.status().name()).withDetails(health.details()).build();
	}

}
