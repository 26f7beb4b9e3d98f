/**
 * Conversations that outlive one process: the {@link io.agentobs.claudecode.session.ClaudeSessionStore}
 * SPI that keeps the transcript entries the CLI mirrors ({@code --session-mirror}), keyed by
 * {@link io.agentobs.claudecode.session.SessionKey}, so that any instance can resume a session. The
 * JDBC implementation is in {@code session.jdbc}; the design is in {@code docs/sessions.md}.
 */
package io.agentobs.claudecode.session;
