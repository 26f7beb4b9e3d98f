package io.agentobs.claudecode.run;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Recognizes the tool calls that launch a subagent ({@code Agent}, formerly {@code Task}) and
 * reads the subagent type from their arguments.
 */
final class SubagentLaunch {

	private static final Set<String> LAUNCH_TOOLS = Set.of("Agent", "Task");

	private static final ObjectMapper objectMapper = new ObjectMapper();

	private SubagentLaunch() {
	}

	static boolean isLaunch(String toolName) {
		return toolName != null && LAUNCH_TOOLS.contains(toolName);
	}

	/**
	 * The {@code subagent_type} argument of a subagent launch.
	 * @param toolName the tool name
	 * @param arguments the arguments as JSON text
	 * @return the subagent type, or {@code null} when the call launches no subagent or names none
	 */
	static String subagentType(String toolName, String arguments) {
		if (!isLaunch(toolName) || arguments == null) {
			return null;
		}
		try {
			JsonNode type = objectMapper.readTree(arguments).get("subagent_type");
			return (type != null && type.isTextual()) ? type.asText() : null;
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

}
