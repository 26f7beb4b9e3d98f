package io.agentobs.claudecode.actuate;

import java.util.Map;

import io.agentobs.claudecode.actuate.McpServerHealth.Status;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpServerHealth}, the health decision both Spring Boot lines' indicators
 * report.
 */
class McpServerHealthTests {

	private final McpServerStatuses statuses = new McpServerStatuses();

	@Test
	void aServerNoRunReportedIsUnknown() {
		McpServerHealth health = McpServerHealth.of(this.statuses, "probe");
		assertThat(health.status()).isEqualTo(Status.UNKNOWN);
		assertThat(health.details()).containsExactly(Map.entry("status", "not reported yet"));
	}

	@Test
	void eachReportedStatusHasItsHealthAndIsTheDetail() {
		this.statuses.onMessage(new ClaudeMessageParser().parse("{\"type\":\"system\",\"subtype\":\"init\","
				+ "\"session_id\":\"s\",\"mcp_servers\":[{\"name\":\"a\",\"status\":\"connected\"},"
				+ "{\"name\":\"b\",\"status\":\"failed\"},{\"name\":\"c\",\"status\":\"needs-auth\"},"
				+ "{\"name\":\"d\",\"status\":\"pending\"}]}"));
		assertThat(McpServerHealth.of(this.statuses, "a")).isEqualTo(health(Status.UP, "connected"));
		assertThat(McpServerHealth.of(this.statuses, "b")).isEqualTo(health(Status.DOWN, "failed"));
		assertThat(McpServerHealth.of(this.statuses, "c")).isEqualTo(health(Status.OUT_OF_SERVICE, "needs-auth"));
		assertThat(McpServerHealth.of(this.statuses, "d")).isEqualTo(health(Status.UNKNOWN, "pending"));
	}

	private static McpServerHealth health(Status status, String reported) {
		return new McpServerHealth(status, Map.of("status", reported));
	}

}
