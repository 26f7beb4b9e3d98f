package io.agentobs.claudecode.client.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.client.options.McpServerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpConfigFile}.
 */
class McpConfigFileTests {

	@Test
	void serversAreWrittenToAFileOnlyItsOwnerCanRead() throws Exception {
		Path file = McpConfigFile.write(Map.of("probe",
				McpServerConfig.stdio("java", List.of("-cp", "x", "Probe"), Map.of("TOKEN", "sk-secret")), "remote",
				McpServerConfig.http("https://mcp.example/mcp", Map.of("Authorization", "Bearer sk-secret"))));
		try {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			JsonNode json = Json.mapper().readTree(file.toFile());
			assertThat(json.at("/mcpServers/probe").toString()).isEqualTo(
					"{\"type\":\"stdio\",\"command\":\"java\",\"args\":[\"-cp\",\"x\",\"Probe\"],\"env\":{\"TOKEN\":\"sk-secret\"}}");
			assertThat(json.at("/mcpServers/remote").toString()).isEqualTo(
					"{\"type\":\"http\",\"url\":\"https://mcp.example/mcp\",\"headers\":{\"Authorization\":\"Bearer sk-secret\"}}");
		}
		finally {
			McpConfigFile.delete(file);
		}
		assertThat(file).doesNotExist();
	}

	@Test
	void toStringShowsNoCredential() {
		assertThat(McpServerConfig.stdio("java", List.of(), Map.of("TOKEN", "sk-secret")))
			.hasToString("McpServerConfig[type=stdio, command=java, args=[], env=[TOKEN], url=null, headers=[]]");
		assertThat(McpServerConfig.sse("https://x", Map.of("Authorization", "Bearer sk-secret")).toString())
			.doesNotContain("sk-secret");
	}

}
