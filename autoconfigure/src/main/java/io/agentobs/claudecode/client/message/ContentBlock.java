package io.agentobs.claudecode.client.message;

import java.util.ArrayList;
import java.util.List;

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
		@Override
		public String type() {
			return "tool_use";
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
