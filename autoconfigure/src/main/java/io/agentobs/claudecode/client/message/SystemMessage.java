package io.agentobs.claudecode.client.message;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code system} line: {@code init} at the start of every turn, and others such as
 * {@code status}, {@code api_retry} or {@code task_started}. All data stays in {@link #raw()}.
 *
 * @param subtype the subtype, e.g. {@code init}
 * @param sessionId the session id
 * @param raw the line
 */
public record SystemMessage(String subtype, String sessionId, JsonNode raw) implements ClaudeMessage {

	@Override
	public String type() {
		return "system";
	}

	/**
	 * Whether this is the {@code init} message that opens a turn.
	 * @return {@code true} for {@code system/init}
	 */
	public boolean isInit() {
		return "init".equals(this.subtype);
	}

	/**
	 * The model of an {@code init} message.
	 * @return the model or {@code null}
	 */
	public String model() {
		return Json.text(this.raw, "model");
	}

	/**
	 * The tool names of an {@code init} message.
	 * @return the tools, empty when absent
	 */
	public List<String> tools() {
		return Json.texts(this.raw, "tools");
	}

	/**
	 * A text field of the message, e.g. {@code tool_use_id} of {@code task_started}.
	 * @param name the field name
	 * @return the value or {@code null}
	 */
	public String field(String name) {
		return Json.text(this.raw, name);
	}

}
