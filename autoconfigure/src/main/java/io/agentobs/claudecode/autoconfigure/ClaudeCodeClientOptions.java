package io.agentobs.claudecode.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.client.options.AgentDefinition;
import io.agentobs.claudecode.client.options.McpServerConfig;
import io.agentobs.claudecode.client.options.Thinking;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;

/**
 * Turns {@link ClaudeCodeClientProperties} into the client's default
 * {@link ClaudeCodeOptions}; a value that cannot be used fails with the name of its
 * property.
 */
final class ClaudeCodeClientOptions {

	private static final String PREFIX = "claude-code.";

	private ClaudeCodeClientOptions() {
	}

	/**
	 * Builds the options.
	 * @param properties the properties
	 * @param agentBeans agent definitions declared as beans, by bean name; added to the
	 * configured agents
	 * @return the options
	 * @throws InvalidConfigurationPropertyValueException naming the property of a bad value
	 */
	static ClaudeCodeOptions of(ClaudeCodeClientProperties properties, Map<String, AgentDefinition> agentBeans) {
		Map<String, AgentDefinition> agents = agents(properties.getAgents());
		agents.putAll(agentBeans);
		ClaudeCodeOptions.Builder builder = ClaudeCodeOptions.builder()
			.cliPath(properties.getCliPath())
			.model(properties.getModel())
			.workingDirectory(properties.getWorkingDirectory())
			.allowedTools(properties.getAllowedTools())
			.disallowedTools(properties.getDisallowedTools())
			.permissionMode(properties.getPermissionMode())
			.maxTurns(properties.getMaxTurns())
			.systemPrompt(properties.getSystemPrompt())
			.appendSystemPrompt(properties.getAppendSystemPrompt())
			.includePartialMessages(properties.isIncludePartialMessages())
			.environment(properties.getEnvironment())
			.runTimeout(properties.getRunTimeout())
			.idleTimeout(properties.getIdleTimeout())
			.persistSession(properties.isPersistSession() ? null : false)
			.processPerTurn(properties.getProcessPerTurn())
			.outputSchema(schema(properties.getOutputSchema()))
			.maxBudgetUsd(properties.getMaxBudgetUsd())
			.fallbackModel(properties.getFallbackModel())
			.effort(properties.getEffort())
			.thinking(thinking(properties.getThinking()))
			.tools(properties.getTools())
			.settingSources(properties.getSettingSources())
			.settings(properties.getSettings().isEmpty() ? null : SettingsValues.typed(properties.getSettings()))
			.additionalDirectories(properties.getAdditionalDirectories())
			.agents(agents.isEmpty() ? null : agents)
			.agent(properties.getAgent())
			.mcpServers(mcpServers(properties.getMcpServers()))
			.strictMcpConfig(properties.isStrictMcpConfig() ? true : null)
			.forwardSubagentText(properties.isForwardSubagentText() ? true : null)
			.includeHookEvents(properties.isIncludeHookEvents() ? true : null)
			.plugins(properties.getPlugins())
			.betas(properties.getBetas())
			.systemPromptPreset(properties.getSystemPromptPreset());
		if (!properties.getExtraArgs().isEmpty()) {
			properties.getExtraArgs().forEach((name, value) -> {
				if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
					throw new InvalidConfigurationPropertyValueException(PREFIX + "extra-args", name,
							"A CLI flag's name is letters, digits and dashes, without the leading dashes");
				}
			});
			builder.extraArgs(properties.getExtraArgs());
		}
		return builder.build();
	}

	private static JsonNode schema(Resource resource) {
		if (resource == null) {
			return null;
		}
		String name = PREFIX + "output-schema";
		String text;
		try {
			text = resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidConfigurationPropertyValueException(name, resource.getDescription(),
					"The JSON Schema cannot be read: " + ex.getMessage());
		}
		try {
			JsonNode schema = Json.mapper().readTree(text);
			if (schema == null || !schema.isObject()) {
				throw new InvalidConfigurationPropertyValueException(name, resource.getDescription(),
						"A JSON Schema is a JSON object");
			}
			return schema;
		}
		catch (IOException ex) {
			throw new InvalidConfigurationPropertyValueException(name, resource.getDescription(),
					"The JSON Schema is not valid JSON: " + ex.getMessage());
		}
	}

	private static Thinking thinking(ClaudeCodeClientProperties.Thinking thinking) {
		if (thinking.getType() == null) {
			if (thinking.getBudgetTokens() != null || thinking.getDisplay() != null) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "thinking.type", null,
						"Set the type (adaptive, enabled or disabled) with a budget or display");
			}
			return null;
		}
		try {
			return new Thinking(thinking.getType(), thinking.getBudgetTokens(), thinking.getDisplay());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "thinking.budget-tokens",
					thinking.getBudgetTokens(), ex.getMessage());
		}
	}

	private static Map<String, AgentDefinition> agents(Map<String, ClaudeCodeClientProperties.Agent> agents) {
		Map<String, AgentDefinition> definitions = new LinkedHashMap<>();
		agents.forEach((name, agent) -> {
			String property = PREFIX + "agents." + name;
			if (agent.getDescription() == null || agent.getDescription().isBlank()) {
				throw new InvalidConfigurationPropertyValueException(property + ".description", agent.getDescription(),
						"An agent needs a description of when to use it");
			}
			String prompt = prompt(property, agent);
			definitions.put(name, new AgentDefinition(agent.getDescription(), prompt, agent.getTools(),
					agent.getDisallowedTools(), agent.getModel(), agent.getMaxTurns()));
		});
		return definitions;
	}

	private static String prompt(String property, ClaudeCodeClientProperties.Agent agent) {
		if (agent.getPromptResource() != null) {
			if (agent.getPrompt() != null) {
				throw new InvalidConfigurationPropertyValueException(property + ".prompt-resource",
						agent.getPromptResource().getDescription(), "Set either prompt or prompt-resource, not both");
			}
			try {
				String prompt = agent.getPromptResource().getContentAsString(StandardCharsets.UTF_8);
				if (!prompt.isBlank()) {
					return prompt;
				}
			}
			catch (IOException ex) {
				throw new InvalidConfigurationPropertyValueException(property + ".prompt-resource",
						agent.getPromptResource().getDescription(), "The prompt cannot be read: " + ex.getMessage());
			}
			throw new InvalidConfigurationPropertyValueException(property + ".prompt-resource",
					agent.getPromptResource().getDescription(), "The prompt is empty");
		}
		if (agent.getPrompt() == null || agent.getPrompt().isBlank()) {
			throw new InvalidConfigurationPropertyValueException(property + ".prompt", agent.getPrompt(),
					"An agent needs a prompt (or prompt-resource)");
		}
		return agent.getPrompt();
	}

	private static Map<String, McpServerConfig> mcpServers(Map<String, ClaudeCodeClientProperties.McpServer> servers) {
		if (servers.isEmpty()) {
			return null;
		}
		Map<String, McpServerConfig> configs = new LinkedHashMap<>();
		servers.forEach((name, server) -> {
			try {
				configs.put(name, new McpServerConfig(server.getType(), server.getCommand(), server.getArgs(),
						server.getEnv(), server.getUrl(), server.getHeaders()));
			}
			catch (IllegalArgumentException ex) {
				String property = PREFIX + "mcp-servers." + name + ".";
				String type = (server.getType() != null) ? server.getType() : "stdio";
				throw switch (type) {
					case "stdio" -> new InvalidConfigurationPropertyValueException(property + "command",
							server.getCommand(), ex.getMessage());
					case "http", "sse" -> new InvalidConfigurationPropertyValueException(property + "url",
							server.getUrl(), ex.getMessage());
					default -> new InvalidConfigurationPropertyValueException(property + "type", type, ex.getMessage());
				};
			}
		});
		return configs;
	}

}
