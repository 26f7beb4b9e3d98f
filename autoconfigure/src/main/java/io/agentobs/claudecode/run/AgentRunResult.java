package io.agentobs.claudecode.run;

import java.util.List;

import io.agentobs.claudecode.observation.AgentErrorType;
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

	private static final String SUCCESS = "success";

	/**
	 * The {@code error.type} of a failed turn: the API error status if any, else the subtype,
	 * else {@code error} (see {@link AgentErrorType}).
	 * @return the error type, or {@code null} when the turn succeeded
	 */
	public String errorType() {
		if (!this.isError) {
			return null;
		}
		if (this.apiErrorStatus != null) {
			return AgentErrorType.of(String.valueOf(this.apiErrorStatus));
		}
		// An API error without a status comes with subtype success
		return AgentErrorType.of(SUCCESS.equals(this.subtype) ? null : this.subtype);
	}

	/**
	 * This result followed by the next one of the same turn (the CLI writes one more after
	 * background tasks): counts and usage add up, the rest is the later result's.
	 * @param next the later result
	 * @return the result of the whole turn
	 */
	public AgentRunResult followedBy(AgentRunResult next) {
		return new AgentRunResult(next.subtype, next.isError, sum(this.numTurns, next.numTurns),
				sum(this.durationApiMs, next.durationApiMs), next.sessionCostUsd, sum(this.usage, next.usage),
				next.terminalReason, sum(this.permissionDenials, next.permissionDenials), next.apiErrorStatus,
				next.resultText, next.errors);
	}

	private static Integer sum(Integer first, Integer second) {
		return (first == null) ? second : (second == null) ? first : Integer.valueOf(first + second);
	}

	private static Long sum(Long first, Long second) {
		return (first == null) ? second : (second == null) ? first : Long.valueOf(first + second);
	}

	private static TokenUsage sum(TokenUsage first, TokenUsage second) {
		if (first == null || second == null) {
			return (first != null) ? first : second;
		}
		return new TokenUsage(sum(first.inputTokens(), second.inputTokens()),
				sum(first.outputTokens(), second.outputTokens()),
				sum(first.cacheReadInputTokens(), second.cacheReadInputTokens()),
				sum(first.cacheCreationInputTokens(), second.cacheCreationInputTokens()));
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
