package io.agentobs.claudecode.observation;

/**
 * Recorded on a tool observation when the tool result says {@code is_error: true}. Tool
 * failures are part of a normal agent run: backends mark the span, they capture no event.
 */
public class ToolExecutionFailedException extends RuntimeException {

	public ToolExecutionFailedException(String toolName) {
		super("Tool " + toolName + " failed");
	}

}
