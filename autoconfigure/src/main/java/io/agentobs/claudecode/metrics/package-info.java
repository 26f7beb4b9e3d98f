/**
 * Meters of agent runs: the GenAI client metrics (token usage, operation duration, time to
 * first chunk), cost, and running runs, with their documentation enum and Prometheus naming.
 */
package io.agentobs.claudecode.metrics;
