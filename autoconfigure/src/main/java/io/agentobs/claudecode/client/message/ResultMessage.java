package io.agentobs.claudecode.client.message;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code result} line that ends a turn.
 *
 * @param subtype {@code success}, {@code error_max_turns}, {@code error_during_execution},
 * {@code error_max_budget_usd}, {@code error_max_structured_output_retries}
 * @param isError whether the turn failed (also {@code true} for API errors with subtype {@code success})
 * @param numTurns the number of model turns
 * @param durationMs the wall time of the turn
 * @param durationApiMs the time spent in API calls
 * @param totalCostUsd the CLI's cost estimate, cumulative over the session
 * @param usage the token usage of this turn
 * @param modelUsage the usage per model, cumulative over the session, subagents included
 * @param stopReason the final stop reason
 * @param terminalReason why the turn ended, e.g. {@code completed} or {@code api_error}
 * @param permissionDenials the tool calls the permission mode refused
 * @param errors error descriptions
 * @param apiErrorStatus the HTTP status of an API error
 * @param result the final text
 * @param sessionId the session id
 * @param raw the line
 */
public record ResultMessage(String subtype, boolean isError, Integer numTurns, Long durationMs, Long durationApiMs,
		Double totalCostUsd, Usage usage, Map<String, ModelUsage> modelUsage, String stopReason,
		String terminalReason, List<JsonNode> permissionDenials, List<String> errors, Integer apiErrorStatus,
		String result, String sessionId, JsonNode raw) implements ClaudeMessage {

	@Override
	public String type() {
		return "result";
	}

	/**
	 * The tool calls the permission settings refused ({@code permission_denials}), typed.
	 * @return the denials, in the order the CLI lists them
	 */
	public List<PermissionDenial> denials() {
		return this.permissionDenials.stream()
			.map((denial) -> new PermissionDenial(Json.text(denial, "tool_name"), Json.text(denial, "tool_use_id"),
					Json.field(denial, "tool_input")))
			.toList();
	}

	/**
	 * The user messages still queued when the result was written ({@code queued_turn_count}).
	 * @return the count, or {@code null} when the CLI did not say
	 */
	public Integer queuedTurnCount() {
		return Json.intOrNull(this.raw, "queued_turn_count");
	}

	/**
	 * The number of results the process wrote before this one ({@code result_index}).
	 * @return the index, or {@code null} when the CLI did not say
	 */
	public Integer resultIndex() {
		return Json.intOrNull(this.raw, "result_index");
	}

	/**
	 * Why the CLI could not start, on the zeroed result it writes before exiting
	 * ({@code startup_failure_reason}).
	 * @return the reason, or {@code null} on every other result
	 */
	public String startupFailureReason() {
		return Json.text(this.raw, "startup_failure_reason");
	}

	/**
	 * Whether the turn stopped because the session's cost reached {@code --max-budget-usd}.
	 * @return {@code true} for subtype {@code error_max_budget_usd}
	 */
	public boolean isBudgetExhausted() {
		return "error_max_budget_usd".equals(this.subtype);
	}

	/**
	 * A tool call the permission settings refused, from {@code permission_denials}.
	 * @param toolName the tool name
	 * @param toolUseId the id of the refused call
	 * @param toolInput the call's arguments, may be {@code null}
	 */
	public record PermissionDenial(String toolName, String toolUseId, JsonNode toolInput) {
	}

	/**
	 * The structured result of a run with an output schema ({@code structured_output}).
	 * @return the value or {@code null} when the result has none
	 */
	public JsonNode structuredOutput() {
		return Json.field(this.raw, "structured_output");
	}

	/**
	 * The structured result read as a type.
	 * @param <T> the type
	 * @param type a record or class matching the output schema
	 * @return the value or {@code null} when the result has none
	 * @throws IllegalArgumentException when the value does not fit the type
	 */
	public <T> T structuredOutput(Class<T> type) {
		JsonNode value = structuredOutput();
		if (value == null) {
			return null;
		}
		try {
			return Json.mapper().treeToValue(value, type);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalArgumentException(
					"The structured output does not fit " + type.getName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Token usage and cost of one model in {@code modelUsage}.
	 * @param usage the tokens
	 * @param costUsd the cost estimate
	 * @param contextWindow the model's context window in tokens, {@code null} when not reported
	 */
	public record ModelUsage(Usage usage, Double costUsd, Long contextWindow) {
	}

}
