package io.agentobs.claudecode.otel;

import java.util.Map;

import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation;
import io.agentobs.claudecode.observation.ChatObservationDocumentation;
import io.agentobs.claudecode.observation.GenAiOperationName;
import io.agentobs.claudecode.observation.ToolExecutionObservationDocumentation;
import io.micrometer.common.docs.KeyName;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.internal.SpanNameUtil;

/**
 * {@link SpanFilter} that gives the spans of agent runs back the names of docs/telemetry.md.
 * Micrometer's default tracing handler writes contextual names in lower hyphen case, so
 * {@code execute_tool Bash} would be exported as {@code execute_tool -bash}. When the
 * exported name is exactly that rewrite of {@code {operation} {subject}} (the agent name,
 * the requested model or the tool name from the span's attributes), the original is
 * restored; any other name is left alone.
 */
public class ContextualNameSpanFilter implements SpanFilter {

	@Override
	public FinishedSpan map(FinishedSpan span) {
		Map<String, Object> tags = span.getTypedTags();
		GenAiOperationName operation = AgentSpans.operation(tags);
		if (operation == null) {
			return span;
		}
		Object subject = tags.get(subjectKey(operation).asString());
		if (subject == null) {
			return span;
		}
		String name = operation.value() + " " + subject;
		if (!name.equals(span.getName()) && SpanNameUtil.toLowerHyphen(name).equals(span.getName())) {
			span.setName(name);
		}
		return span;
	}

	private static KeyName subjectKey(GenAiOperationName operation) {
		return switch (operation) {
			case INVOKE_AGENT -> AgentInvocationObservationDocumentation.LowCardinalityKeyNames.AGENT_NAME;
			case CHAT -> ChatObservationDocumentation.LowCardinalityKeyNames.REQUEST_MODEL;
			case EXECUTE_TOOL -> ToolExecutionObservationDocumentation.LowCardinalityKeyNames.TOOL_NAME;
		};
	}

}
