package io.agentobs.claudecode.boot3;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentobs.claudecode.actuate.McpServerStatuses;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's web application on Spring Boot 3.5 with the Boot 3.5 starter, the session store on
 * an in-memory H2 database and one MCP server: {@code /actuator/health}, over HTTP, has the
 * components {@code claudeCodeSessionStore} and {@code claudeCodeMcpServers} as on Boot 4,
 * and is down (503) once the store's table is gone.
 */
@Tag("boot3-starter")
@SpringBootTest(classes = Boot3HealthEndpointTests.UserApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:boot3-health;DB_CLOSE_DELAY=-1",
				"claude-code.sessions.store=jdbc", "claude-code.mcp-servers.probe.command=java",
				"management.endpoint.health.show-details=always", "management.tracing.enabled=false" })
@DirtiesContext
class Boot3HealthEndpointTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	McpServerStatuses statuses;

	@Test
	void healthShowsTheSessionStoreAndTheMcpServersAndIsDownWithoutTheStoresTable() throws Exception {
		HttpResponse<String> response = health();
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode components = JSON.readTree(response.body()).path("components");
		JsonNode store = components.path("claudeCodeSessionStore");
		assertThat(store.path("status").asText()).isEqualTo("UP");
		assertThat(store.path("details").path("table").asText()).isEqualTo("claude_code_session_entry");
		assertThat(store.path("details").path("database").asText()).isEqualTo("h2");
		JsonNode probe = components.path("claudeCodeMcpServers").path("components").path("probe");
		assertThat(components.path("claudeCodeMcpServers").path("status").asText()).isEqualTo("UNKNOWN");
		assertThat(probe.path("status").asText()).isEqualTo("UNKNOWN");
		assertThat(probe.path("details").path("status").asText()).isEqualTo("not reported yet");

		this.statuses.onMessage(new ClaudeMessageParser().parse("{\"type\":\"system\",\"subtype\":\"init\","
				+ "\"session_id\":\"s\",\"mcp_servers\":[{\"name\":\"probe\",\"status\":\"connected\"}]}"));
		components = JSON.readTree(health().body()).path("components");
		assertThat(components.path("claudeCodeMcpServers").path("status").asText()).isEqualTo("UP");
		assertThat(components.at("/claudeCodeMcpServers/components/probe/details/status").asText())
			.isEqualTo("connected");

		JdbcClient.create(this.dataSource).sql("DROP TABLE claude_code_session_entry").update();
		HttpResponse<String> down = health();
		assertThat(down.statusCode()).isEqualTo(503);
		JsonNode body = JSON.readTree(down.body());
		assertThat(body.path("status").asText()).isEqualTo("DOWN");
		assertThat(body.at("/components/claudeCodeSessionStore/status").asText()).isEqualTo("DOWN");
		assertThat(body.at("/components/claudeCodeSessionStore/details/error").asText())
			.startsWith("org.springframework.jdbc.BadSqlGrammarException");
	}

	private HttpResponse<String> health() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The user's application: Boot's auto-configuration only.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class UserApplication {

	}

}
