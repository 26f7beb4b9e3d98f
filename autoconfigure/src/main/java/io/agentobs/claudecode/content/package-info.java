/**
 * Content policy of recorded runs: the opt-in observation filters that add prompts, outputs
 * and tool arguments to spans, their truncation, the masking of secrets the client knows, and
 * the collection of those secrets from the agent process environment. Content is off unless
 * enabled.
 */
package io.agentobs.claudecode.content;
