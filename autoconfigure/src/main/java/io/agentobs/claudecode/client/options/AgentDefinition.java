package io.agentobs.claudecode.client.options;

import java.util.List;

/**
 * A subagent the main agent can launch through its {@code Agent} tool, passed to the CLI
 * in {@code --agents}; its name is its key in the options' map.
 *
 * @param description when to use the agent (required)
 * @param prompt the agent's system prompt (required)
 * @param tools the tools it may use, {@code null} to inherit all of the main agent's
 * @param disallowedTools tools it must not use, may be {@code null}
 * @param model a model alias, a full model name or {@code inherit}; {@code null} for the
 * CLI's default subagent model
 * @param maxTurns the most model turns it may take, may be {@code null}
 */
public record AgentDefinition(String description, String prompt, List<String> tools, List<String> disallowedTools,
		String model, Integer maxTurns) {

	public AgentDefinition {
		if (description == null || description.isBlank()) {
			throw new IllegalArgumentException("An agent definition needs a description");
		}
		if (prompt == null || prompt.isBlank()) {
			throw new IllegalArgumentException("An agent definition needs a prompt");
		}
		tools = (tools != null) ? List.copyOf(tools) : null;
		disallowedTools = (disallowedTools != null) ? List.copyOf(disallowedTools) : null;
	}

	/**
	 * An agent with every tool of the main agent and the default model.
	 * @param description when to use the agent
	 * @param prompt its system prompt
	 * @return the definition
	 */
	public static AgentDefinition of(String description, String prompt) {
		return new AgentDefinition(description, prompt, null, null, null, null);
	}

}
