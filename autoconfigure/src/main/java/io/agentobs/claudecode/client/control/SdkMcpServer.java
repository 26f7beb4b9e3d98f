package io.agentobs.claudecode.client.control;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An MCP server that runs inside the application. The CLI knows it by {@link #name()} (its
 * tools reach the model as {@code mcp__<name>__<tool>}) and talks to it through
 * {@code mcp_message} control requests, each carrying one JSON-RPC message
 * ({@code initialize}, {@code tools/list}, {@code tools/call}, notifications).
 * <p>
 * The client calls {@link #handle} on a worker thread of its own, never on the thread that
 * reads the CLI's output, and may call it for several messages at once.
 */
public interface SdkMcpServer {

	/**
	 * The server's name, as the CLI and the model know it.
	 * @return the name, letters, digits, {@code _} and {@code -} only
	 */
	String name();

	/**
	 * Handles one JSON-RPC message from the CLI.
	 * @param message the JSON-RPC request or notification
	 * @param context what the client knows of the call
	 * @return the JSON-RPC response, or {@code null} for a notification
	 */
	JsonNode handle(JsonNode message, SdkMcpCallContext context);

}
