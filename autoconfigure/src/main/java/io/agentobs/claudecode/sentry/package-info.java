/**
 * The Sentry side: an observation handler that makes the agent observations Sentry spans
 * with the AI Agents ops and data, times them from their OpenTelemetry copies, and captures a
 * failed run as an error event.
 */
package io.agentobs.claudecode.sentry;
