package io.agentobs.claudecode.observation;

/**
 * Values of {@code gen_ai.operation.name} used by Claude Code observations.
 */
public enum GenAiOperationName {

	/**
	 * An agent run.
	 */
	INVOKE_AGENT("invoke_agent"),

	/**
	 * A model call.
	 */
	CHAT("chat"),

	/**
	 * A tool execution.
	 */
	EXECUTE_TOOL("execute_tool");

	private final String value;

	GenAiOperationName(String value) {
		this.value = value;
	}

	/**
	 * Return the semantic conventions value.
	 * @return the value, for example {@code invoke_agent}
	 */
	public String value() {
		return this.value;
	}

}
