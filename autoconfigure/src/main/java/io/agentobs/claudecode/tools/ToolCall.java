package io.agentobs.claudecode.tools;

/**
 * One call of a Java tool, as a {@link ToolCallInterceptor} sees it.
 *
 * @param serverName the name of the server the tool belongs to
 * @param toolName the tool's name in its server
 * @param toolUseId the model's tool-use id, {@code null} when the CLI did not send it
 * @param sessionId the CLI session, {@code null} when not known
 * @param arguments the model's input as JSON text
 */
public record ToolCall(String serverName, String toolName, String toolUseId, String sessionId, String arguments) {

	/**
	 * The tool's name as the model and the CLI know it: {@code mcp__<server>__<tool>}.
	 * @return the qualified name
	 */
	public String qualifiedName() {
		return "mcp__" + this.serverName + "__" + this.toolName;
	}

}
