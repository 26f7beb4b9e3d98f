/**
 * The CLI's control protocol as seen by the application: the types a host implements to
 * answer what the CLI asks over {@code control_request} lines (in-process MCP servers,
 * permission decisions, hooks) and the answers it gives. See {@code docs/cli-protocol.md}.
 */
package io.agentobs.claudecode.client.control;
