/**
 * The Claude Code client API: {@link io.agentobs.claudecode.client.ClaudeCodeClient} runs a
 * prompt ({@link io.agentobs.claudecode.client.ClaudeCodeRun}) or a conversation
 * ({@link io.agentobs.claudecode.client.ClaudeCodeSession}) with
 * {@link io.agentobs.claudecode.client.ClaudeCodeOptions}, and its exceptions. The messages
 * are in {@code client.message}, the implementation that runs the CLI in {@code client.cli}.
 */
package io.agentobs.claudecode.client;
