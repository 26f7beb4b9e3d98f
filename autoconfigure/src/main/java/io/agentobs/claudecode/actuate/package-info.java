/**
 * The {@code agentruns} Actuator endpoint: live and recent agent runs with their steps,
 * tokens and cost, and stopping a live run. See {@code docs/agentruns.md}.
 */
package io.agentobs.claudecode.actuate;
