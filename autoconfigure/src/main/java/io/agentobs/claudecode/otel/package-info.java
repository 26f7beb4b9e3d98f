/**
 * OpenTelemetry span processing for agent spans: typed attribute values and contextual span
 * names.
 */
package io.agentobs.claudecode.otel;
