package io.agentobs.claudecode.scripted;

import java.util.List;
import java.util.Map;

/**
 * What a scenario answers to one call: a message made of content blocks, or an API error.
 */
sealed interface ScriptedReply {

	/**
	 * An assistant message.
	 * @param blocks the content blocks in order
	 * @param stopReason {@code end_turn} or {@code tool_use}
	 */
	record Message(List<Block> blocks, String stopReason) implements ScriptedReply {

		static Message text(String text) {
			return new Message(List.of(new Text(text)), "end_turn");
		}

		static Message toolUse(Block... blocks) {
			return new Message(List.of(blocks), "tool_use");
		}

	}

	/**
	 * An Anthropic API error.
	 * @param status the HTTP status
	 * @param type the error type, e.g. {@code overloaded_error}
	 * @param message the error message
	 */
	record Error(int status, String type, String message) implements ScriptedReply {

	}

	/** A content block of a scripted message. */
	sealed interface Block {

	}

	/**
	 * A text block.
	 * @param text the text
	 */
	record Text(String text) implements Block {

	}

	/**
	 * A tool_use block; its id is given when the message is rendered.
	 * @param name the tool name
	 * @param input the tool input
	 */
	record ToolUse(String name, Map<String, Object> input) implements Block {

		static ToolUse bash(String command, String description) {
			return new ToolUse("Bash", Map.of("command", command, "description", description));
		}

	}

}
