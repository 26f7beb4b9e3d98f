package io.agentobs.claudecode.client.control;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One rule of a {@link RuleBasedPermissionHandler}: a tool-name pattern (a regular
 * expression the whole name must match, e.g. {@code Bash} or {@code mcp__app__.*}), an
 * optional input pattern (a regular expression found anywhere in the input's JSON text), and
 * whether a matching call is allowed.
 *
 * @param tool the tool-name pattern
 * @param input the input pattern, {@code null} for any input
 * @param allow whether a matching call is allowed
 * @param message the message the model receives when the rule denies, may be {@code null}
 */
public record PermissionRule(Pattern tool, Pattern input, boolean allow, String message) {

	public PermissionRule {
		Objects.requireNonNull(tool, "tool");
	}

	/**
	 * A rule that allows matching calls.
	 * @param tool the tool-name pattern
	 * @param input the input pattern, {@code null} for any input
	 * @return the rule
	 */
	public static PermissionRule allow(String tool, String input) {
		return new PermissionRule(Pattern.compile(tool), (input != null) ? Pattern.compile(input) : null, true, null);
	}

	/**
	 * A rule that denies matching calls.
	 * @param tool the tool-name pattern
	 * @param input the input pattern, {@code null} for any input
	 * @param message the message the model receives, {@code null} for a default one
	 * @return the rule
	 */
	public static PermissionRule deny(String tool, String input, String message) {
		return new PermissionRule(Pattern.compile(tool), (input != null) ? Pattern.compile(input) : null, false,
				message);
	}

	/**
	 * Whether the rule applies to a call.
	 * @param toolName the tool
	 * @param toolInput the input, may be {@code null}
	 * @return {@code true} when the rule matches
	 */
	public boolean matches(String toolName, JsonNode toolInput) {
		if (toolName == null || !this.tool.matcher(toolName).matches()) {
			return false;
		}
		return this.input == null || this.input.matcher((toolInput != null) ? toolInput.toString() : "").find();
	}

}
