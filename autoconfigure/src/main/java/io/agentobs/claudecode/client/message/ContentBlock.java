package io.agentobs.claudecode.client.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A content block of an assistant or user message.
 */
public sealed interface ContentBlock {

	/**
	 * The block's {@code type}, e.g. {@code tool_use}.
	 * @return the block type
	 */
	String type();

	/**
	 * Model text.
	 * @param text the text
	 */
	record Text(String text) implements ContentBlock {
		@Override
		public String type() {
			return "text";
		}
	}

	/**
	 * Extended thinking.
	 * @param thinking the thinking text
	 */
	record Thinking(String thinking) implements ContentBlock {
		@Override
		public String type() {
			return "thinking";
		}
	}

	/**
	 * A tool call requested by the model.
	 * @param id the tool use id
	 * @param name the tool name, e.g. {@code Bash} or {@code mcp__server__tool}
	 * @param input the tool arguments
	 */
	record ToolUse(String id, String name, JsonNode input) implements ContentBlock {

		/** The tools that launch a subagent: {@code Agent}, formerly {@code Task}. */
		private static final Set<String> SUBAGENT_LAUNCH_TOOLS = Set.of("Agent", "Task");

		/** The argument of a subagent launch that names the subagent type. */
		public static final String SUBAGENT_TYPE = "subagent_type";

		@Override
		public String type() {
			return "tool_use";
		}

		/**
		 * The subagent type a call that launches a subagent asks for (its
		 * {@code subagent_type} argument).
		 * @return the subagent type, or {@code null} when the call launches no subagent or
		 * names none
		 */
		public String subagentType() {
			if (!launchesSubagent(this.name)) {
				return null;
			}
			JsonNode type = (this.input != null) ? this.input.get(SUBAGENT_TYPE) : null;
			return (type != null && type.isTextual()) ? type.asText() : null;
		}

		/**
		 * Whether a call of the given tool launches a subagent, whose type is its
		 * {@link #SUBAGENT_TYPE} argument.
		 * @param toolName the tool name, may be {@code null}
		 * @return {@code true} for {@code Agent} and {@code Task}
		 */
		public static boolean launchesSubagent(String toolName) {
			return toolName != null && SUBAGENT_LAUNCH_TOOLS.contains(toolName);
		}

	}

	/**
	 * The result of a tool call, sent back to the model.
	 * @param toolUseId the id of the {@link ToolUse} it answers
	 * @param content the result content (a string or an array of blocks)
	 * @param isError whether the tool failed
	 */
	record ToolResult(String toolUseId, JsonNode content, boolean isError) implements ContentBlock {
		@Override
		public String type() {
			return "tool_result";
		}
	}

	/**
	 * Any other block, kept as raw JSON.
	 * @param type the block type
	 * @param raw the block
	 */
	record Other(String type, JsonNode raw) implements ContentBlock {
	}

	/**
	 * Reads a {@code content} field: an array of blocks, or a plain string (one text block).
	 * @param content the content node, may be {@code null}
	 * @return the blocks, never {@code null}
	 */
	static List<ContentBlock> listFrom(JsonNode content) {
		if (content == null || content.isNull()) {
			return List.of();
		}
		if (content.isTextual()) {
			return List.of(new Text(content.asText()));
		}
		List<ContentBlock> blocks = new ArrayList<>();
		if (content.isArray()) {
			content.forEach((block) -> blocks.add(from(block)));
		}
		return List.copyOf(blocks);
	}

	private static ContentBlock from(JsonNode block) {
		String type = Json.text(block, "type");
		if (type == null) {
			return new Other(null, block);
		}
		return switch (type) {
			case "text" -> new Text(Json.text(block, "text"));
			case "thinking" -> new Thinking(Json.text(block, "thinking"));
			case "tool_use" -> new ToolUse(Json.text(block, "id"), Json.text(block, "name"),
					Json.field(block, "input"));
			case "tool_result" -> new ToolResult(Json.text(block, "tool_use_id"), Json.field(block, "content"),
					Json.bool(block, "is_error"));
			default -> new Other(type, block);
		};
	}

}
