/**
 * Internal: not API. What instrumenting an agent SDK takes, shared by the SDK packages: the
 * post-processor, advisor and interceptor that wrap client beans, the
 * {@link io.agentobs.claudecode.instrument.AgentClientInstrumentation} each SDK implements,
 * the {@link io.agentobs.claudecode.instrument.AgentMessageAdapter} that maps its messages to
 * run events, and an iterator that observes the messages a consumer takes. One sub-package
 * per instrumented SDK, built the same way.
 */
package io.agentobs.claudecode.instrument;
