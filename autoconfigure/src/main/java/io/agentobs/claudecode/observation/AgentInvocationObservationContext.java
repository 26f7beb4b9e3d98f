package io.agentobs.claudecode.observation;

import java.util.List;

import io.micrometer.common.lang.Nullable;
import io.micrometer.observation.Observation;

/**
 * Context of an {@code invoke_agent} observation: one Claude Code query, from the prompt to
 * the {@code result} message.
 */
public class AgentInvocationObservationContext extends Observation.Context {

	private final String agentName;

	private String providerName = GenAiProviderName.ANTHROPIC.value();

	@Nullable
	private String requestModel;

	@Nullable
	private String conversationId;

	private boolean sessionStoreBacked;

	@Nullable
	private String agentId;

	private List<String> availableTools = List.of();

	@Nullable
	private String prompt;

	@Nullable
	private String systemInstructions;

	@Nullable
	private String outputText;

	@Nullable
	private Integer numTurns;

	@Nullable
	private Long durationApiMs;

	@Nullable
	private String resultSubtype;

	@Nullable
	private String terminalReason;

	@Nullable
	private Integer permissionDenials;

	@Nullable
	private Double costUsd;

	@Nullable
	private TokenUsage totalUsage;

	@Nullable
	private String errorType;

	@Nullable
	private AgentRunControl runControl;

	/**
	 * Create a context for the given agent.
	 * @param agentName the agent name ({@code gen_ai.agent.name}), for a subagent its type
	 */
	public AgentInvocationObservationContext(String agentName) {
		this.agentName = agentName;
	}

	public String getAgentName() {
		return this.agentName;
	}

	public String getProviderName() {
		return this.providerName;
	}

	public void setProviderName(String providerName) {
		this.providerName = providerName;
	}

	@Nullable
	public String getRequestModel() {
		return this.requestModel;
	}

	public void setRequestModel(@Nullable String requestModel) {
		this.requestModel = requestModel;
	}

	@Nullable
	public String getConversationId() {
		return this.conversationId;
	}

	/**
	 * Whether the run's transcript is mirrored to a session store.
	 * @return {@code true} for a store-backed run
	 */
	public boolean isSessionStoreBacked() {
		return this.sessionStoreBacked;
	}

	public void setSessionStoreBacked(boolean sessionStoreBacked) {
		this.sessionStoreBacked = sessionStoreBacked;
	}

	public void setConversationId(@Nullable String conversationId) {
		this.conversationId = conversationId;
	}

	@Nullable
	public String getAgentId() {
		return this.agentId;
	}

	public void setAgentId(@Nullable String agentId) {
		this.agentId = agentId;
	}

	public List<String> getAvailableTools() {
		return this.availableTools;
	}

	public void setAvailableTools(@Nullable List<String> availableTools) {
		this.availableTools = (availableTools != null) ? List.copyOf(availableTools) : List.of();
	}

	@Nullable
	public String getPrompt() {
		return this.prompt;
	}

	public void setPrompt(@Nullable String prompt) {
		this.prompt = prompt;
	}

	@Nullable
	public String getSystemInstructions() {
		return this.systemInstructions;
	}

	public void setSystemInstructions(@Nullable String systemInstructions) {
		this.systemInstructions = systemInstructions;
	}

	@Nullable
	public String getOutputText() {
		return this.outputText;
	}

	public void setOutputText(@Nullable String outputText) {
		this.outputText = outputText;
	}

	@Nullable
	public Integer getNumTurns() {
		return this.numTurns;
	}

	public void setNumTurns(@Nullable Integer numTurns) {
		this.numTurns = numTurns;
	}

	@Nullable
	public Long getDurationApiMs() {
		return this.durationApiMs;
	}

	public void setDurationApiMs(@Nullable Long durationApiMs) {
		this.durationApiMs = durationApiMs;
	}

	@Nullable
	public String getResultSubtype() {
		return this.resultSubtype;
	}

	public void setResultSubtype(@Nullable String resultSubtype) {
		this.resultSubtype = resultSubtype;
	}

	@Nullable
	public String getTerminalReason() {
		return this.terminalReason;
	}

	public void setTerminalReason(@Nullable String terminalReason) {
		this.terminalReason = terminalReason;
	}

	@Nullable
	public Integer getPermissionDenials() {
		return this.permissionDenials;
	}

	public void setPermissionDenials(@Nullable Integer permissionDenials) {
		this.permissionDenials = permissionDenials;
	}

	@Nullable
	public Double getCostUsd() {
		return this.costUsd;
	}

	public void setCostUsd(@Nullable Double costUsd) {
		this.costUsd = costUsd;
	}

	@Nullable
	public TokenUsage getTotalUsage() {
		return this.totalUsage;
	}

	public void setTotalUsage(@Nullable TokenUsage totalUsage) {
		this.totalUsage = totalUsage;
	}

	@Nullable
	public String getErrorType() {
		return this.errorType;
	}

	public void setErrorType(@Nullable String errorType) {
		this.errorType = errorType;
	}

	/**
	 * Return the handle that stops the run, when its client can be stopped.
	 * @return the control, or {@code null}
	 */
	@Nullable
	public AgentRunControl getRunControl() {
		return this.runControl;
	}

	public void setRunControl(@Nullable AgentRunControl runControl) {
		this.runControl = runControl;
	}

}
