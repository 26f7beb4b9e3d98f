package io.agentobs.claudecode.observation;

/**
 * One part of a model's output message: text or a tool call.
 */
public sealed interface ChatOutputPart {

	/**
	 * Text the model produced.
	 *
	 * @param content the text
	 */
	record Text(String content) implements ChatOutputPart {

	}

	/**
	 * A tool call the model requested.
	 *
	 * @param id the tool call id ({@code tool_use.id})
	 * @param name the tool name
	 * @param arguments the tool input as JSON text
	 */
	record ToolCall(String id, String name, String arguments) implements ChatOutputPart {

	}

}
