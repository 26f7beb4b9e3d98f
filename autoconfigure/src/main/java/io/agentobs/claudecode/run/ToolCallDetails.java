package io.agentobs.claudecode.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;

/**
 * What the calls and results of particular Claude Code tools tell beyond their name: the
 * skill a {@code Skill} call runs (its {@code skill} argument) and the exit code of a failed
 * {@code Bash} command (its result starts with {@code Exit code N}; a command that succeeds
 * gets no code from the CLI). See docs/cli-protocol.md.
 */
final class ToolCallDetails {

	private static final String SKILL_ARGUMENT = "skill";

	private static final Pattern EXIT_CODE = Pattern.compile("^(?:Error: )?Exit code (\\d{1,3})\\b");

	private ToolCallDetails() {
	}

	/**
	 * The skill a tool call runs.
	 * @param toolName the tool name, may be {@code null}
	 * @param arguments the arguments as JSON text, may be {@code null}
	 * @return the skill name for a {@code Skill} call that names one, else {@code null}
	 */
	static String skillName(String toolName, String arguments) {
		if (!ToolExecutionObservationContext.SKILL_TOOL.equals(toolName) || arguments == null) {
			return null;
		}
		try {
			JsonNode skill = Json.mapper().readTree(arguments).get(SKILL_ARGUMENT);
			return (skill != null && skill.isTextual() && !skill.asText().isBlank()) ? skill.asText() : null;
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

	/**
	 * The exit code a failed tool call's result gives.
	 * @param toolName the tool name, may be {@code null}
	 * @param result the result text, may be {@code null}
	 * @return the exit code of a {@code Bash} result that starts with it, else {@code null}
	 */
	static Integer exitCode(String toolName, String result) {
		if (!ToolExecutionObservationContext.BASH_TOOL.equals(toolName) || result == null) {
			return null;
		}
		Matcher matcher = EXIT_CODE.matcher(result);
		return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
	}

}
