package io.agentobs.claudecode.content;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentInvocationObservationDocumentation;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationDocumentation;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.slf4j.LoggerFactory;

/**
 * An {@link ObservationFilter} that adds the inputs of Claude Code observations as high
 * cardinality key values: the prompt ({@code gen_ai.input.messages}) and system prompt
 * ({@code gen_ai.system_instructions}) of {@code invoke_agent}, and the arguments of
 * {@code execute_tool} ({@code gen_ai.tool.call.arguments}). Every value is valid JSON of at
 * most {@code maxLength} characters. Opt-in: prompts may contain sensitive data.
 */
public class ClaudeCodeInputContentObservationFilter implements ObservationFilter {

	private static final SensitiveContentWarning WARNING = new SensitiveContentWarning(
			LoggerFactory.getLogger(ClaudeCodeInputContentObservationFilter.class),
			"Claude Code inputs (prompts, system prompts and tool arguments) are recorded in observations."
					+ " They may contain sensitive data; make sure your tracing backend is allowed to store it.");

	private static final KeyName AGENT_INPUT_MESSAGES =
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.INPUT_MESSAGES;

	private static final KeyName AGENT_SYSTEM_INSTRUCTIONS =
			AgentInvocationObservationDocumentation.HighCardinalityKeyNames.SYSTEM_INSTRUCTIONS;

	private static final KeyName TOOL_CALL_ARGUMENTS =
			ToolExecutionObservationDocumentation.HighCardinalityKeyNames.TOOL_CALL_ARGUMENTS;

	private final ContentRecording recording;

	/**
	 * Create a filter that records inputs of at most {@code maxLength} characters each.
	 * @param maxLength the maximum length of each value, in characters
	 */
	public ClaudeCodeInputContentObservationFilter(int maxLength) {
		this(maxLength, SecretMask.NONE);
	}

	/**
	 * Create a filter that records inputs of at most {@code maxLength} characters each, with the
	 * secrets of their run (see {@link SecretMask}), else the given ones, masked.
	 * @param maxLength the maximum length of each value, in characters
	 * @param secrets the secrets to mask in runs that know none
	 */
	public ClaudeCodeInputContentObservationFilter(int maxLength, SecretMask secrets) {
		this(maxLength, secrets, ContentBudget.NONE);
	}

	/**
	 * Create a filter that records inputs of at most {@code maxLength} characters each, within
	 * the given span and run budget, with the secrets of their run (see {@link SecretMask}),
	 * else the given ones, masked.
	 * @param maxLength the maximum length of each value, in characters
	 * @param secrets the secrets to mask in runs that know none
	 * @param budget how much content a span and a run may hold
	 */
	public ClaudeCodeInputContentObservationFilter(int maxLength, SecretMask secrets, ContentBudget budget) {
		this.recording = new ContentRecording(maxLength, secrets, budget);
		WARNING.logOnce();
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof AgentInvocationObservationContext agentContext) {
			addAgentInputs(agentContext);
		}
		else if (context instanceof ToolExecutionObservationContext toolContext) {
			addToolInputs(toolContext);
		}
		return context;
	}

	private void addAgentInputs(AgentInvocationObservationContext context) {
		SecretMask secrets = this.recording.secrets(context);
		if (context.getPrompt() != null) {
			this.recording.add(context, AGENT_INPUT_MESSAGES, GenAiContent.inputMessages(secrets.mask(context.getPrompt())));
		}
		if (context.getSystemInstructions() != null) {
			this.recording.add(context, AGENT_SYSTEM_INSTRUCTIONS,
					GenAiContent.systemInstructions(secrets.mask(context.getSystemInstructions())));
		}
	}

	private void addToolInputs(ToolExecutionObservationContext context) {
		if (context.getArguments() != null) {
			String arguments = this.recording.secrets(context).mask(context.getArguments());
			this.recording.add(context, TOOL_CALL_ARGUMENTS, GenAiContent.toolCallArguments(arguments));
		}
	}

}
