package io.agentobs.claudecode.observation;

import java.math.BigDecimal;
import java.util.List;

import io.micrometer.common.lang.Nullable;
import io.micrometer.observation.Observation;

/**
 * Context of an {@code invoke_agent} observation: one Claude Code query, from the prompt to
 * the {@code result} message.
 */
public class AgentInvocationObservationContext extends Observation.Context {

	/**
	 * The {@code gen_ai.output.type} of a run that returns structured output.
	 */
	public static final String OUTPUT_TYPE_JSON = "json";

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

	@Nullable
	private String outputType;

	private boolean conversationCompacted;

	@Nullable
	private String rateLimitStatus;

	@Nullable
	private String rateLimitType;

	@Nullable
	private Double rateLimitUtilization;

	@Nullable
	private BigDecimal maxBudgetUsd;

	@Nullable
	private String effort;

	@Nullable
	private String fallbackModel;

	@Nullable
	private Double inputCostUsd;

	@Nullable
	private Double outputCostUsd;

	@Nullable
	private Long contextWindowSize;

	@Nullable
	private Double contextUtilization;

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

	public void setConversationId(@Nullable String conversationId) {
		this.conversationId = conversationId;
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

	/**
	 * Return {@link #OUTPUT_TYPE_JSON} when the run returns structured output.
	 * @return the output type, or {@code null} for text
	 */
	@Nullable
	public String getOutputType() {
		return this.outputType;
	}

	public void setOutputType(@Nullable String outputType) {
		this.outputType = outputType;
	}

	/**
	 * Return whether the CLI compacted the conversation during the run.
	 * @return {@code true} after a {@code system/compact_boundary}
	 */
	public boolean isConversationCompacted() {
		return this.conversationCompacted;
	}

	public void setConversationCompacted(boolean conversationCompacted) {
		this.conversationCompacted = conversationCompacted;
	}

	/**
	 * Return the status of the last rate limit report.
	 * @return the status, or {@code null} when the CLI reported none
	 */
	@Nullable
	public String getRateLimitStatus() {
		return this.rateLimitStatus;
	}

	public void setRateLimitStatus(@Nullable String rateLimitStatus) {
		this.rateLimitStatus = rateLimitStatus;
	}

	/**
	 * Return the rate limit of the last report.
	 * @return the rate limit type, for example {@code five_hour}, or {@code null}
	 */
	@Nullable
	public String getRateLimitType() {
		return this.rateLimitType;
	}

	public void setRateLimitType(@Nullable String rateLimitType) {
		this.rateLimitType = rateLimitType;
	}

	/**
	 * Return the utilization of the rate limit of the last report.
	 * @return the utilization as the CLI reports it, or {@code null}
	 */
	@Nullable
	public Double getRateLimitUtilization() {
		return this.rateLimitUtilization;
	}

	public void setRateLimitUtilization(@Nullable Double rateLimitUtilization) {
		this.rateLimitUtilization = rateLimitUtilization;
	}

	/**
	 * The part of the run's cost spent on input tokens, cache reads and writes included.
	 * @return USD, or {@code null} when the cost or the usage is unknown
	 */
	@Nullable
	public Double getInputCostUsd() {
		return this.inputCostUsd;
	}

	public void setInputCostUsd(@Nullable Double inputCostUsd) {
		this.inputCostUsd = inputCostUsd;
	}

	/**
	 * The part of the run's cost spent on output tokens.
	 * @return USD, or {@code null} when the cost or the usage is unknown
	 */
	@Nullable
	public Double getOutputCostUsd() {
		return this.outputCostUsd;
	}

	public void setOutputCostUsd(@Nullable Double outputCostUsd) {
		this.outputCostUsd = outputCostUsd;
	}

	/**
	 * The context window of the model, as the CLI reports it in the result's
	 * {@code modelUsage}.
	 * @return tokens, or {@code null} when not reported
	 */
	@Nullable
	public Long getContextWindowSize() {
		return this.contextWindowSize;
	}

	public void setContextWindowSize(@Nullable Long contextWindowSize) {
		this.contextWindowSize = contextWindowSize;
	}

	/**
	 * The fraction of the context window that the agent's last model call used (its input,
	 * cache included, plus its output).
	 * @return a fraction, or {@code null} when unknown
	 */
	@Nullable
	public Double getContextUtilization() {
		return this.contextUtilization;
	}

	public void setContextUtilization(@Nullable Double contextUtilization) {
		this.contextUtilization = contextUtilization;
	}

	/**
	 * Return the most the run may spend, in US dollars, as requested.
	 * @return the budget, or {@code null} when none was set
	 */
	@Nullable
	public BigDecimal getMaxBudgetUsd() {
		return this.maxBudgetUsd;
	}

	/**
	 * Return the requested effort level.
	 * @return the level, or {@code null} when none was set
	 */
	@Nullable
	public String getEffort() {
		return this.effort;
	}

	/**
	 * Return the requested fallback model.
	 * @return the model, or {@code null} when none was set
	 */
	@Nullable
	public String getFallbackModel() {
		return this.fallbackModel;
	}

	/**
	 * Set what the run was asked to respect besides its model.
	 * @param maxBudgetUsd the budget in US dollars, may be {@code null}
	 * @param effort the effort level, may be {@code null}
	 * @param fallbackModel the fallback model, may be {@code null}
	 */
	public void setRequestParameters(@Nullable BigDecimal maxBudgetUsd, @Nullable String effort,
			@Nullable String fallbackModel) {
		this.maxBudgetUsd = maxBudgetUsd;
		this.effort = effort;
		this.fallbackModel = fallbackModel;
	}

}
