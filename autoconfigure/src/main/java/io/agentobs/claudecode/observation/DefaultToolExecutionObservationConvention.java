package io.agentobs.claudecode.observation;

import java.util.List;

import io.agentobs.claudecode.observation.ToolExecutionObservationDocumentation.HighCardinalityKeyNames;
import io.agentobs.claudecode.observation.ToolExecutionObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Default {@link ToolExecutionObservationConvention}. Missing low cardinality values are
 * {@link KeyValue#NONE_VALUE}; high cardinality values are added only when present.
 */
public class DefaultToolExecutionObservationConvention implements ToolExecutionObservationConvention {

	/**
	 * The default observation name, {@code gen_ai.execute_tool}.
	 */
	public static final String DEFAULT_NAME = "gen_ai." + GenAiOperationName.EXECUTE_TOOL.value();

	private static final KeyValue OPERATION_NAME = KeyValue.of(LowCardinalityKeyNames.OPERATION_NAME,
			GenAiOperationName.EXECUTE_TOOL.value());

	private final String name;

	public DefaultToolExecutionObservationConvention() {
		this(DEFAULT_NAME);
	}

	public DefaultToolExecutionObservationConvention(String name) {
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(ToolExecutionObservationContext context) {
		String operation = GenAiOperationName.EXECUTE_TOOL.value();
		return ConventionSupport.hasText(context.getToolName()) ? operation + " " + context.getToolName() : operation;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ToolExecutionObservationContext context) {
		return KeyValues.of(operationName(context), providerName(context), agentName(context), toolName(context),
				toolType(context), errorType(context));
	}

	protected KeyValue operationName(ToolExecutionObservationContext context) {
		return OPERATION_NAME;
	}

	protected KeyValue providerName(ToolExecutionObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.PROVIDER_NAME,
				ConventionSupport.valueOrNone(context.getProviderName()));
	}

	protected KeyValue agentName(ToolExecutionObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.AGENT_NAME, ConventionSupport.valueOrNone(context.getAgentName()));
	}

	protected KeyValue toolName(ToolExecutionObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.TOOL_NAME, ConventionSupport.valueOrNone(context.getToolName()));
	}

	protected KeyValue toolType(ToolExecutionObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.TOOL_TYPE, ConventionSupport.valueOrNone(context.getToolType()));
	}

	protected KeyValue errorType(ToolExecutionObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE,
				ConventionSupport.errorType(context.getErrorType(), context.getError()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ToolExecutionObservationContext context) {
		KeyValues keyValues = KeyValues.empty();
		keyValues = conversationId(keyValues, context);
		keyValues = toolCallId(keyValues, context);
		keyValues = mcpServer(keyValues, context);
		keyValues = permission(keyValues, context);
		keyValues = hooks(keyValues, context);
		keyValues = execution(keyValues, context);
		keyValues = skillName(keyValues, context);
		keyValues = processExitCode(keyValues, context);
		keyValues = permissionDenial(keyValues, context);
		return keyValues;
	}

	protected KeyValues conversationId(KeyValues keyValues, ToolExecutionObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.CONVERSATION_ID, context.getConversationId());
	}

	protected KeyValues toolCallId(KeyValues keyValues, ToolExecutionObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.TOOL_CALL_ID, context.getToolCallId());
	}

	protected KeyValues mcpServer(KeyValues keyValues, ToolExecutionObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.MCP_SERVER, context.getMcpServer());
	}

	protected KeyValues permission(KeyValues keyValues, ToolExecutionObservationContext context) {
		keyValues = ConventionSupport.and(keyValues, HighCardinalityKeyNames.PERMISSION_DECISION,
				context.getPermissionDecision());
		keyValues = ConventionSupport.and(keyValues, HighCardinalityKeyNames.PERMISSION_DECIDED_BY,
				context.getPermissionDecidedBy());
		Long wait = context.getPermissionWaitMillis();
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.PERMISSION_WAIT_MS,
				(wait != null) ? wait.toString() : null);
	}

	protected KeyValues execution(KeyValues keyValues, ToolExecutionObservationContext context) {
		Long duration = context.getExecutionMillis();
		keyValues = ConventionSupport.and(keyValues, HighCardinalityKeyNames.TOOL_DURATION_MS,
				(duration != null) ? duration.toString() : null);
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.TOOL_FAILURE, context.getExecutionFailure());
	}

	protected KeyValues hooks(KeyValues keyValues, ToolExecutionObservationContext context) {
		List<String> hooks = context.getHooks();
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.HOOKS,
				hooks.isEmpty() ? null : String.join(",", hooks));
	}

	protected KeyValues skillName(KeyValues keyValues, ToolExecutionObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.SKILL_NAME, context.getSkillName());
	}

	protected KeyValues processExitCode(KeyValues keyValues, ToolExecutionObservationContext context) {
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.PROCESS_EXIT_CODE, context.getExitCode());
	}

	protected KeyValues permissionDenial(KeyValues keyValues, ToolExecutionObservationContext context) {
		keyValues = ConventionSupport.and(keyValues, HighCardinalityKeyNames.PERMISSION_DENIAL_REASON_TYPE,
				context.getPermissionDenialReasonType());
		return ConventionSupport.and(keyValues, HighCardinalityKeyNames.PERMISSION_DENIAL_REASON,
				context.getPermissionDenialReason());
	}

}
