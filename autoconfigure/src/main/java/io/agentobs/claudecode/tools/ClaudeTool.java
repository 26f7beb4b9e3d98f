package io.agentobs.claudecode.tools;

import java.util.Objects;

/**
 * A Java method the agent can call as a tool, for applications without Spring AI: a bean of
 * this type becomes a tool of the application's in-process MCP server, which the model sees
 * as {@code mcp__<server>__<name>}. With Spring AI, {@code @Tool} methods and
 * {@code ToolCallback} beans become tools the same way.
 *
 * @see #of(String, String, String, ToolHandler)
 */
public interface ClaudeTool {

	/**
	 * The tool's name, unique in its server.
	 * @return the name, letters, digits, {@code _} and {@code -} only
	 */
	String name();

	/**
	 * What the tool does, for the model.
	 * @return the description
	 */
	String description();

	/**
	 * The JSON schema of the tool's input, an object schema.
	 * @return the schema as JSON text
	 */
	String inputSchema();

	/**
	 * Runs the tool.
	 * @param input the model's input as JSON text, an object
	 * @return the result text the model gets
	 * @throws Exception when the tool fails: the model gets an error result with its message
	 */
	String call(String input) throws Exception;

	/**
	 * A tool from its parts.
	 * @param name the name
	 * @param description what the tool does
	 * @param inputSchema the JSON schema of its input, an object schema
	 * @param handler runs the tool
	 * @return the tool
	 */
	static ClaudeTool of(String name, String description, String inputSchema, ToolHandler handler) {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(inputSchema, "inputSchema");
		Objects.requireNonNull(handler, "handler");
		return new ClaudeTool() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public String description() {
				return description;
			}

			@Override
			public String inputSchema() {
				return inputSchema;
			}

			@Override
			public String call(String input) throws Exception {
				return handler.call(input);
			}

			@Override
			public String toString() {
				return "ClaudeTool[" + name + "]";
			}

		};
	}

	/**
	 * Runs a tool: its input as JSON text in, its result text out.
	 */
	@FunctionalInterface
	interface ToolHandler {

		/**
		 * Runs the tool.
		 * @param input the model's input as JSON text
		 * @return the result text
		 * @throws Exception when the tool fails
		 */
		String call(String input) throws Exception;

	}

}
