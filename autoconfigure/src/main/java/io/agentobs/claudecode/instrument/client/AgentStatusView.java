package io.agentobs.claudecode.instrument.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.ClaudeCodeRun;

/**
 * What the {@code agentruns} endpoint shows of a run's CLI session, asked through the run:
 * the context usage (totals and tokens per category) and the MCP servers (name and status),
 * as plain maps and lists. Paths, configurations and the like stay out.
 */
final class AgentStatusView {

	private AgentStatusView() {
	}

	/**
	 * The context usage of a run.
	 * @param run the run, may be {@code null}
	 * @return {@code totalTokens}, {@code maxTokens}, {@code percentage}, {@code model} and
	 * {@code categories} ({@code name}, {@code tokens}), or {@code null} when the run cannot
	 * tell
	 */
	static Map<String, Object> contextUsage(ClaudeCodeRun run) {
		JsonNode usage = ask(run, ClaudeCodeRun::contextUsage);
		if (usage == null || !usage.isObject()) {
			return null;
		}
		Map<String, Object> view = new LinkedHashMap<>();
		for (String field : List.of("totalTokens", "maxTokens", "percentage")) {
			if (usage.path(field).isNumber()) {
				view.put(field, usage.path(field).numberValue());
			}
		}
		if (usage.path("model").isTextual()) {
			view.put("model", usage.path("model").asText());
		}
		List<Map<String, Object>> categories = new ArrayList<>();
		for (JsonNode category : usage.path("categories")) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", category.path("name").asText());
			row.put("tokens", category.path("tokens").asLong());
			categories.add(row);
		}
		view.put("categories", categories);
		return view;
	}

	/**
	 * The MCP servers of a run.
	 * @param run the run, may be {@code null}
	 * @return each server's {@code name} and {@code status}, or {@code null} when the run
	 * cannot tell
	 */
	static List<Map<String, Object>> mcpServers(ClaudeCodeRun run) {
		JsonNode servers = ask(run, ClaudeCodeRun::mcpServerStatus);
		if (servers == null || !servers.isArray()) {
			return null;
		}
		List<Map<String, Object>> view = new ArrayList<>();
		for (JsonNode server : servers) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", server.path("name").asText());
			row.put("status", server.path("status").asText());
			view.add(row);
		}
		return view;
	}

	private static JsonNode ask(ClaudeCodeRun run, Function<ClaudeCodeRun, JsonNode> question) {
		if (run == null) {
			return null;
		}
		try {
			return question.apply(run);
		}
		catch (RuntimeException ex) {
			// Not a client that can tell, or its CLI did not answer: the endpoint shows nothing
			return null;
		}
	}

}
