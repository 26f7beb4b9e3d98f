package io.agentobs.claudecode.content;

import java.util.List;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatObservationDocumentation;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationDocumentation;
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

	private final ContentRecording recording;

	/**
	 * Create a filter that records outputs of at most {@code maxLength} characters each.
	 * @param maxLength the maximum length of each value, in characters
	 */
	public ClaudeCodeOutputContentObservationFilter(int maxLength) {
		this(maxLength, SecretMask.NONE);
	}

	/**
	 * Create a filter that records outputs of at most {@code maxLength} characters each, with the
	 * secrets of their run (see {@link SecretMask}), else the given ones, masked.
	 * @param maxLength the maximum length of each value, in characters
	 * @param secrets the secrets to mask in runs that know none
	 */
	public ClaudeCodeOutputContentObservationFilter(int maxLength, SecretMask secrets) {
		this(maxLength, secrets, ContentBudget.NONE);
	}

	/**
	 * Create a filter that records outputs of at most {@code maxLength} characters each, within
	 * the given span and run budget, with the secrets of their run (see {@link SecretMask}),
	 * else the given ones, masked.
	 * @param maxLength the maximum length of each value, in characters
	 * @param secrets the secrets to mask in runs that know none
	 * @param budget how much content a span and a run may hold
	 */
	public ClaudeCodeOutputContentObservationFilter(int maxLength, SecretMask secrets, ContentBudget budget) {
		this.recording = new ContentRecording(maxLength, secrets, budget);
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
			String output = this.recording.secrets(context).mask(context.getOutputText());
			this.recording.add(context, AGENT_OUTPUT_MESSAGES, GenAiContent.outputMessages(output));
		}
	}

	private void addChatOutput(ChatObservationContext context) {
		if (!context.getOutputParts().isEmpty()) {
			SecretMask secrets = this.recording.secrets(context);
			List<ChatOutputPart> parts = context.getOutputParts().stream().map((part) -> mask(part, secrets)).toList();
			this.recording.add(context, CHAT_OUTPUT_MESSAGES, GenAiContent.outputMessages(parts));
		}
	}

	private void addToolOutput(ToolExecutionObservationContext context) {
		if (context.getResult() != null) {
			String result = this.recording.secrets(context).mask(context.getResult());
			this.recording.add(context, TOOL_CALL_RESULT, GenAiContent.toolCallResult(result));
		}
	}

	private static ChatOutputPart mask(ChatOutputPart part, SecretMask secrets) {
		if (part instanceof ChatOutputPart.Text text) {
			return new ChatOutputPart.Text(secrets.mask(text.content()));
		}
		if (part instanceof ChatOutputPart.ToolCall call) {
			return new ChatOutputPart.ToolCall(call.id(), call.name(), secrets.mask(call.arguments()));
		}
		return part;
	}

}
