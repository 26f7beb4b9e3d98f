/**
 * The Claude Code CLI behind the client API: {@link io.agentobs.claudecode.client.cli.CliClaudeCodeClient}
 * (built with its builder) starts one CLI process per query or session in bidirectional
 * stream-json mode; the other types locate the CLI, build its command line, read its output
 * with limits, write its input and end its process tree. Only the client, its builder,
 * {@link io.agentobs.claudecode.client.cli.ClaudeCliLocator} and
 * {@link io.agentobs.claudecode.client.cli.StreamJsonLimits} are API; see
 * {@code docs/cli-protocol.md} for what the CLI writes.
 */
package io.agentobs.claudecode.client.cli;
