package io.agentobs.claudecode.actuate;

import java.util.Map;

/**
 * The health of one configured MCP server, decided from the status the latest run's
 * {@code system/init} message reported, the same on every Spring Boot line (each line's
 * health indicator turns it into its own {@code Health}): {@code connected} is up,
 * {@code failed} down (for example a command that does not exist), {@code needs-auth} out of
 * service, anything else, or no run yet, unknown. The reported status is the detail
 * {@code status}.
 *
 * @param status the health status
 * @param details the details of the health
 */
public record McpServerHealth(Status status, Map<String, Object> details) {

	/**
	 * The health status; its {@link #name() name} is the code of Spring Boot's health
	 * status of the same name on every line.
	 */
	public enum Status {

		/** The server is connected. */
		UP,

		/** The server failed to start or connect. */
		DOWN,

		/** The server needs authentication. */
		OUT_OF_SERVICE,

		/** Any other status, or no run has reported the server yet. */
		UNKNOWN

	}

	/**
	 * The health of a server.
	 * @param statuses the statuses the runs reported
	 * @param name the server's name
	 * @return its health
	 */
	public static McpServerHealth of(McpServerStatuses statuses, String name) {
		String reported = statuses.status(name).orElse(null);
		if (reported == null) {
			return new McpServerHealth(Status.UNKNOWN, Map.of("status", "not reported yet"));
		}
		Status status = switch (reported) {
			case "connected" -> Status.UP;
			case "failed" -> Status.DOWN;
			case "needs-auth" -> Status.OUT_OF_SERVICE;
			default -> Status.UNKNOWN;
		};
		return new McpServerHealth(status, Map.of("status", reported));
	}

}
