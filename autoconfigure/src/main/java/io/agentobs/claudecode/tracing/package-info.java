/**
 * Trace context for the CLI process: the W3C {@code TRACEPARENT} of the run, and the
 * environment that turns on the CLI's own OpenTelemetry export.
 */
package io.agentobs.claudecode.tracing;
