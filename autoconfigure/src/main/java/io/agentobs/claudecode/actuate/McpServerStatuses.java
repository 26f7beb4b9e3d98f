package io.agentobs.claudecode.actuate;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.ClaudeMessageListener;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.SystemMessage;

/**
 * The status of each MCP server as the latest {@code system/init} message reported it
 * ({@code mcp_servers}: {@code connected}, {@code failed}, {@code needs-auth},
 * {@code pending}). A message listener: cheap on the reader thread, a map write per
 * server of an init message.
 */
public class McpServerStatuses implements ClaudeMessageListener {

	private final Map<String, String> statuses = new ConcurrentHashMap<>();

	@Override
	public void onMessage(ClaudeMessage message) {
		if (message instanceof SystemMessage system && system.isInit()) {
			for (JsonNode server : system.raw().path("mcp_servers")) {
				String name = server.path("name").asText(null);
				String status = server.path("status").asText(null);
				if (name != null && status != null) {
					this.statuses.put(name, status);
				}
			}
		}
	}

	/**
	 * The latest reported status of a server.
	 * @param name the server's name
	 * @return the status, empty before a run reported the server
	 */
	public Optional<String> status(String name) {
		return Optional.ofNullable(this.statuses.get(name));
	}

}
