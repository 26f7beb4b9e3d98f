package io.agentobs.claudecode.actuate;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A step of a run's timeline, nested like the trace.
 *
 * @param kind {@code model_call}, {@code tool_call} or {@code subagent}
 * @param name the model, tool or subagent type
 * @param startedAt when the step started (ISO-8601)
 * @param durationMs how long it took, or has been running
 * @param status {@code running}, {@code ok} or {@code error}
 * @param errorType the {@code error.type} of a failed step
 * @param tokens the token counts of a model call
 * @param steps the steps nested under it (a subagent's model and tool calls)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RunStepDescriptor(String kind, String name, String startedAt, long durationMs, String status,
		String errorType, TokenCounts tokens, List<RunStepDescriptor> steps) {

}
