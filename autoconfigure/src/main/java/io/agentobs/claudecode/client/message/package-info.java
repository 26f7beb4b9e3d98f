/**
 * The messages of the Claude Code CLI's stream-json protocol and the knowledge of how to read
 * them: the {@link io.agentobs.claudecode.client.message.ClaudeMessage} types with typed views
 * of the subtypes the client reads, the
 * {@link io.agentobs.claudecode.client.message.ClaudeMessageParser} and its shared
 * {@link io.agentobs.claudecode.client.message.Json#mapper() mapper}, control lines
 * ({@link io.agentobs.claudecode.client.message.ControlMessage}), and the rule that tells
 * which result ends a turn ({@link io.agentobs.claudecode.client.message.TurnEnd}).
 */
package io.agentobs.claudecode.client.message;
