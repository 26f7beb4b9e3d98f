package io.agentobs.claudecode.observation;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.slf4j.LoggerFactory;

/**
 * An {@link ObservationFilter} that adds the outputs of Claude Code observations as high
 * cardinality key values: the final result of {@code invoke_agent} and the assistant
 * message of {@code chat} ({@code gen_ai.output.messages}), and the result of
 * {@code execute_tool} ({@code gen_ai.tool.call.result}). Every value is valid JSON of at
 * most {@code maxLength} characters. Opt-in: outputs may contain sensitive data.
 */
public class ClaudeCodeOutputContentObservationFilter implements ObservationFilter {

	private static final SensitiveContentWarning WARNING = new SensitiveContentWarning(
			LoggerFactory.getLogger(ClaudeCodeOutputContentObservationFilter.class),
			"Claude Code outputs (agent results, model messages and tool results) are recorded in observations."
					+ " They may contain sensitive data; make sure your tracing backend is allowed to store it.");

	private static final KeyName AGENT_OUTPUT_MESSAGES =
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.OUTPUT_MESSAGES;

	private static final KeyName CHAT_OUTPUT_MESSAGES =
			ChatObservationDocumentation.HighCardinalityKeyNames.OUTPUT_MESSAGES;

	private static final KeyName TOOL_CALL_RESULT =
			ToolExecutionObservationDocumentation.HighCardinalityKeyNames.TOOL_CALL_RESULT;

	private final JsonContentTruncator truncator;

	/**
	 * Create a filter that records outputs of at most {@code maxLength} characters each.
	 * @param maxLength the maximum length of each value, in characters
	 */
	public ClaudeCodeOutputContentObservationFilter(int maxLength) {
		this.truncator = new JsonContentTruncator(maxLength);
		WARNING.logOnce();
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof AgentInvocationObservationContext agentContext) {
			addAgentOutput(agentContext);
		}
		else if (context instanceof ChatObservationContext chatContext) {
			addChatOutput(chatContext);
		}
		else if (context instanceof ToolExecutionObservationContext toolContext) {
			addToolOutput(toolContext);
		}
		return context;
	}

	private void addAgentOutput(AgentInvocationObservationContext context) {
		if (context.getOutputText() != null) {
			add(context, AGENT_OUTPUT_MESSAGES, GenAiContent.outputMessages(context.getOutputText()));
		}
	}

	private void addChatOutput(ChatObservationContext context) {
		if (!context.getOutputParts().isEmpty()) {
			add(context, CHAT_OUTPUT_MESSAGES, GenAiContent.outputMessages(context.getOutputParts()));
		}
	}

	private void addToolOutput(ToolExecutionObservationContext context) {
		if (context.getResult() != null) {
			add(context, TOOL_CALL_RESULT, GenAiContent.toolCallResult(context.getResult()));
		}
	}

	private void add(Observation.Context context, KeyName keyName, JsonNode content) {
		context.addHighCardinalityKeyValue(keyName.withValue(this.truncator.write(content)));
	}

}
