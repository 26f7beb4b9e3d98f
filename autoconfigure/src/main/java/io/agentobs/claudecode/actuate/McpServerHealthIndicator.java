package io.agentobs.claudecode.actuate;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one configured MCP server, from the status the latest run's
 * {@code system/init} message reported: {@code connected} is up, {@code failed} down (for
 * example a command that does not exist), {@code needs-auth} out of service, anything
 * else, or no run yet, unknown.
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
		String status = this.statuses.status(this.name).orElse(null);
		if (status == null) {
			return Health.unknown().withDetail("status", "not reported yet").build();
		}
		Health.Builder health = switch (status) {
			case "connected" -> Health.up();
			case "failed" -> Health.down();
			case "needs-auth" -> Health.outOfService();
			default -> Health.unknown();
		};
		return health.withDetail("status", status).build();
	}

}
