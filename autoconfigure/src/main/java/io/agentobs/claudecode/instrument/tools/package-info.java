/**
 * Instrumentation of Java tools: runs each call in its agent run's context and records it as
 * the run's {@code execute_tool} span. Not API.
 */
package io.agentobs.claudecode.instrument.tools;
