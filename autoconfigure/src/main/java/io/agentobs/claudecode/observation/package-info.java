/**
 * Micrometer observations of Claude Code agent runs: documentation enums, contexts,
 * conventions and opt-in content filters, following the OpenTelemetry GenAI semantic
 * conventions. No Spring Boot types are used here.
 */
package io.agentobs.claudecode.observation;
