/**
 * The run model. Internal: not API. Message adapters of each agent SDK send the events of a
 * turn ({@link io.agentobs.claudecode.run.AgentRunEvents}) to its
 * {@link io.agentobs.claudecode.run.AgentRunRecorder}, which turns them into
 * {@code invoke_agent}, {@code chat} and {@code execute_tool} observations: the agent tree,
 * the model calls with their retries, the tool calls, and the turn's results with its
 * background tasks. {@link io.agentobs.claudecode.run.AgentRunObservations} starts the
 * recorder of each run.
 */
package io.agentobs.claudecode.run;
