/**
 * Instrumentation of the project's own Claude Code client: the advice that observes every
 * query and session, the observed run and session, the recorder of messages as they arrive
 * from the CLI, and the message adapter. The public entry for a client that is not a Spring
 * bean is {@link io.agentobs.claudecode.instrument.client.ClaudeCodeObservations}.
 */
package io.agentobs.claudecode.instrument.client;
