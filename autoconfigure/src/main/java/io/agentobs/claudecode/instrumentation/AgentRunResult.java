package io.agentobs.claudecode.instrumentation;

import java.util.List;

import io.agentobs.claudecode.observation.TokenUsage;

/**
 * The end of an agent turn, as any agent SDK reports it. Fields the SDK does not provide are
 * {@code null}.
 *
 * @param subtype the result subtype, e.g. {@code success} or {@code error_max_turns}
 * @param isError whether the turn failed
 * @param numTurns the number of model turns
 * @param durationApiMs the time spent in API calls
 * @param sessionCostUsd the cost estimate, cumulative over the session
 * @param usage the token usage of this turn, input including cache
 * @param terminalReason why the turn ended
 * @param permissionDenials how many tool calls were denied
 * @param apiErrorStatus the HTTP status of an API error
 * @param resultText the final text
 * @param errors error descriptions
 */
public record AgentRunResult(String subtype, boolean isError, Integer numTurns, Long durationApiMs,
		Double sessionCostUsd, TokenUsage usage, String terminalReason, Integer permissionDenials,
		Integer apiErrorStatus, String resultText, List<String> errors) {

	/**
	 * The {@code error.type} of a failed turn: the API error status if any, else the subtype.
	 * @return the error type, or {@code null} when the turn succeeded
	 */
	public String errorType() {
		if (!this.isError) {
			return null;
		}
		if (this.apiErrorStatus != null) {
			return String.valueOf(this.apiErrorStatus);
		}
		return (this.subtype != null) ? this.subtype : "error";
	}

	/**
	 * Describes a failed turn: error type, terminal reason and the errors or result text.
	 * @return the message
	 */
	String failureMessage() {
		StringBuilder message = new StringBuilder("Agent run failed: ").append(errorType());
		if (this.terminalReason != null) {
			message.append(" (").append(this.terminalReason).append(')');
		}
		if (this.errors != null && !this.errors.isEmpty()) {
			message.append(": ").append(String.join("; ", this.errors));
		}
		else if (this.isError && this.resultText != null) {
			message.append(": ").append(this.resultText);
		}
		return message.toString();
	}

}
