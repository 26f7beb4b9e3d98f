package io.agentobs.claudecode.client.cli;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.client.options.AgentDefinition;
import io.agentobs.claudecode.client.options.McpServerConfig;

/**
 * The JSON the CLI reads from {@code --agents}, {@code --settings} and the
 * {@code --mcp-config} file, with the field names of the official SDKs.
 */
final class CliOptionJson {

	private CliOptionJson() {
	}

	static String agents(Map<String, AgentDefinition> agents) {
		ObjectNode json = Json.mapper().createObjectNode();
		agents.forEach((name, agent) -> {
			ObjectNode node = json.putObject(name).put("description", agent.description()).put("prompt", agent.prompt());
			if (agent.tools() != null) {
				agent.tools().forEach(node.putArray("tools")::add);
			}
			if (agent.disallowedTools() != null) {
				agent.disallowedTools().forEach(node.putArray("disallowedTools")::add);
			}
			if (agent.model() != null) {
				node.put("model", agent.model());
			}
			if (agent.maxTurns() != null) {
				node.put("maxTurns", agent.maxTurns());
			}
		});
		return json.toString();
	}

	static String mcpConfig(Map<String, McpServerConfig> servers) {
		ObjectNode json = Json.mapper().createObjectNode();
		ObjectNode all = json.putObject("mcpServers");
		servers.forEach((name, server) -> {
			ObjectNode node = all.putObject(name).put("type", server.type());
			if ("stdio".equals(server.type())) {
				node.put("command", server.command());
				server.args().forEach(node.putArray("args")::add);
				ObjectNode env = node.putObject("env");
				server.env().forEach(env::put);
			}
			else {
				node.put("url", server.url());
				ObjectNode headers = node.putObject("headers");
				server.headers().forEach(headers::put);
			}
		});
		return json.toString();
	}

	static String settings(Map<String, Object> settings) {
		try {
			return Json.mapper().writeValueAsString(settings);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("The settings cannot be written as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
