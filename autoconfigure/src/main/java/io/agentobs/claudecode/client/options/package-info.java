/**
 * Values of {@link io.agentobs.claudecode.client.ClaudeCodeOptions} that are more than one
 * setting: how a session starts ({@link io.agentobs.claudecode.client.options.SessionOptions}),
 * subagents, MCP servers, thinking and the default system prompt. Each is immutable and
 * validates its input when built.
 */
package io.agentobs.claudecode.client.options;
