/**
 * Java tools: beans the agent can call as tools of an in-process MCP server
 * ({@link io.agentobs.claudecode.tools.JavaToolServer}) that the CLI reaches through the
 * control protocol's {@code mcp_message} requests. See {@code docs/java-tools.md}.
 */
package io.agentobs.claudecode.tools;
