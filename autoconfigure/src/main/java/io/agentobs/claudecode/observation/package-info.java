/**
 * Micrometer observations of Claude Code agent runs: documentation enums, contexts and
 * conventions, following the OpenTelemetry GenAI semantic conventions. No Spring Boot types
 * are used here. The opt-in content filters are in {@code content}.
 */
package io.agentobs.claudecode.observation;
