package io.agentobs.claudecode.observation;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.lang.Nullable;
import io.micrometer.observation.Observation;

/**
 * Context of an {@code execute_tool} observation: one {@code tool_use}, timed until its
 * {@code tool_result}. The tool type and MCP server are derived from the tool name unless
 * set explicitly.
 */
public class ToolExecutionObservationContext extends Observation.Context {

	/**
	 * Tool type of client-side tools such as {@code Bash}, {@code Read} or {@code Agent}.
	 */
	public static final String TOOL_TYPE_FUNCTION = "function";

	/**
	 * Tool type of tools run by an external service: web and MCP tools.
	 */
	public static final String TOOL_TYPE_EXTENSION = "extension";

	private static final String MCP_PREFIX = "mcp__";

	private static final String MCP_SEPARATOR = "__";

	private static final Set<String> EXTENSION_TOOLS = Set.of("WebSearch", "WebFetch", "ListMcpResources",
			"ReadMcpResource");

	private final String toolName;

	@Nullable
	private final String toolCallId;

	private String providerName = GenAiProviderName.ANTHROPIC.value();

	@Nullable
	private String agentName;

	@Nullable
	private String conversationId;

	private String toolType;

	@Nullable
	private String mcpServer;

	@Nullable
	private String arguments;

	@Nullable
	private String result;

	@Nullable
	private String errorType;

	private String permissionDecision;

	private String permissionDecidedBy;

	private Long permissionWaitMillis;

	private Long executionMillis;

	private String executionFailure;

	private final List<String> hooks = new CopyOnWriteArrayList<>();

	/**
	 * Create a context for a tool call.
	 * @param toolName the tool name ({@code gen_ai.tool.name})
	 * @param toolCallId the {@code tool_use} id ({@code gen_ai.tool.call.id})
	 */
	public ToolExecutionObservationContext(String toolName, @Nullable String toolCallId) {
		this.toolName = toolName;
		this.toolCallId = toolCallId;
		this.toolType = toolTypeOf(toolName);
		this.mcpServer = mcpServerOf(toolName);
	}

	/**
	 * Return the {@code gen_ai.tool.type} of a Claude Code tool: {@code extension} for web
	 * and MCP tools, {@code function} for all other (client-side) tools.
	 * @param toolName the tool name
	 * @return the tool type
	 */
	public static String toolTypeOf(@Nullable String toolName) {
		if (toolName != null && (toolName.startsWith(MCP_PREFIX) || EXTENSION_TOOLS.contains(toolName))) {
			return TOOL_TYPE_EXTENSION;
		}
		return TOOL_TYPE_FUNCTION;
	}

	/**
	 * Return the MCP server of a tool named {@code mcp__{server}__{tool}}.
	 * @param toolName the tool name
	 * @return the server name, or {@code null} when the tool is not an MCP tool
	 */
	@Nullable
	public static String mcpServerOf(@Nullable String toolName) {
		if (toolName == null || !toolName.startsWith(MCP_PREFIX)) {
			return null;
		}
		String rest = toolName.substring(MCP_PREFIX.length());
		int separator = rest.indexOf(MCP_SEPARATOR);
		return (separator > 0) ? rest.substring(0, separator) : null;
	}

	public String getToolName() {
		return this.toolName;
	}

	@Nullable
	public String getToolCallId() {
		return this.toolCallId;
	}

	public String getProviderName() {
		return this.providerName;
	}

	public void setProviderName(String providerName) {
		this.providerName = providerName;
	}

	@Nullable
	public String getAgentName() {
		return this.agentName;
	}

	public void setAgentName(@Nullable String agentName) {
		this.agentName = agentName;
	}

	@Nullable
	public String getConversationId() {
		return this.conversationId;
	}

	public void setConversationId(@Nullable String conversationId) {
		this.conversationId = conversationId;
	}

	public String getToolType() {
		return this.toolType;
	}

	public void setToolType(String toolType) {
		this.toolType = toolType;
	}

	@Nullable
	public String getMcpServer() {
		return this.mcpServer;
	}

	public void setMcpServer(@Nullable String mcpServer) {
		this.mcpServer = mcpServer;
	}

	/**
	 * Return the tool input.
	 * @return the tool input as JSON text
	 */
	@Nullable
	public String getArguments() {
		return this.arguments;
	}

	public void setArguments(@Nullable String arguments) {
		this.arguments = arguments;
	}

	/**
	 * Return the tool output.
	 * @return the {@code tool_result} content as text
	 */
	@Nullable
	public String getResult() {
		return this.result;
	}

	public void setResult(@Nullable String result) {
		this.result = result;
	}

	@Nullable
	public String getErrorType() {
		return this.errorType;
	}

	/**
	 * The permission decision on the call, {@code null} when none was asked.
	 * @return the decision, e.g. {@code deny}
	 */
	public @Nullable String getPermissionDecision() {
		return this.permissionDecision;
	}

	/**
	 * Who decided the call, {@code null} when none was asked.
	 * @return {@code handler}, {@code rule}, {@code hook} or {@code cli}
	 */
	public @Nullable String getPermissionDecidedBy() {
		return this.permissionDecidedBy;
	}

	/**
	 * How long the decision took.
	 * @return milliseconds, {@code null} when none was asked
	 */
	public @Nullable Long getPermissionWaitMillis() {
		return this.permissionWaitMillis;
	}

	/**
	 * Records the permission decision on the call.
	 * @param decision the decision
	 * @param decidedBy who decided
	 * @param waitMillis how long the decision took, may be {@code null}
	 */
	public void setPermission(String decision, String decidedBy, @Nullable Long waitMillis) {
		this.permissionDecision = decision;
		this.permissionDecidedBy = decidedBy;
		this.permissionWaitMillis = waitMillis;
	}

	/**
	 * The tool's own run time as the CLI measured it.
	 * @return milliseconds, {@code null} when not reported
	 */
	public @Nullable Long getExecutionMillis() {
		return this.executionMillis;
	}

	/**
	 * Why the tool failed, as the CLI reported it.
	 * @return the reason, {@code null} when it did not fail or it was not reported
	 */
	public @Nullable String getExecutionFailure() {
		return this.executionFailure;
	}

	/**
	 * Records the tool's own execution as the CLI reported it.
	 * @param durationMillis the run time, may be {@code null}
	 * @param failure why it failed, {@code null} when it succeeded
	 */
	public void setExecution(@Nullable Long durationMillis, @Nullable String failure) {
		this.executionMillis = durationMillis;
		this.executionFailure = failure;
	}

	/**
	 * The hooks called back for the call, each as {@code event:outcome:milliseconds}.
	 * @return the hooks, in order
	 */
	public List<String> getHooks() {
		return List.copyOf(this.hooks);
	}

	/**
	 * Records a hook called back for the call.
	 * @param event the hook event, e.g. {@code PreToolUse}
	 * @param outcome the outcome, e.g. {@code block}
	 * @param durationMillis how long the hook took
	 */
	public void addHook(String event, String outcome, long durationMillis) {
		this.hooks.add(event + ":" + outcome + ":" + durationMillis);
	}

	public void setErrorType(@Nullable String errorType) {
		this.errorType = errorType;
	}
	/**
	 * The tool that runs a skill, whose {@code skill} argument names it.
	 */
	public static final String SKILL_TOOL = "Skill";

	/**
	 * The shell tool, whose failed results start with its exit code.
	 */
	public static final String BASH_TOOL = "Bash";

	@Nullable
	private String skillName;

	@Nullable
	private Integer exitCode;

	@Nullable
	private String permissionDenialReasonType;

	@Nullable
	private String permissionDenialReason;

	/**
	 * Return the skill a call of the {@code Skill} tool runs.
	 * @return the skill name, or {@code null}
	 */
	@Nullable
	public String getSkillName() {
		return this.skillName;
	}

	public void setSkillName(@Nullable String skillName) {
		this.skillName = skillName;
	}

	/**
	 * Return the exit code of a {@code Bash} command, where its result gives it.
	 * @return the exit code, or {@code null}
	 */
	@Nullable
	public Integer getExitCode() {
		return this.exitCode;
	}

	public void setExitCode(@Nullable Integer exitCode) {
		this.exitCode = exitCode;
	}

	/**
	 * Return what refused the call without asking.
	 * @return the reason type, for example {@code rule}, or {@code null}
	 */
	@Nullable
	public String getPermissionDenialReasonType() {
		return this.permissionDenialReasonType;
	}

	public void setPermissionDenialReasonType(@Nullable String permissionDenialReasonType) {
		this.permissionDenialReasonType = permissionDenialReasonType;
	}

	/**
	 * Return why the call was refused without asking.
	 * @return the reason, or {@code null} when the call was not refused
	 */
	@Nullable
	public String getPermissionDenialReason() {
		return this.permissionDenialReason;
	}

	public void setPermissionDenialReason(@Nullable String permissionDenialReason) {
		this.permissionDenialReason = permissionDenialReason;
	}

}
