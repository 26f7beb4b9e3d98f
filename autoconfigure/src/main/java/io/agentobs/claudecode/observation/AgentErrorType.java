package io.agentobs.claudecode.observation;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.common.lang.Nullable;

/**
 * The closed list of {@code error.type} values the instrumentation sets, documented in
 * docs/telemetry.md. Besides these constants two families are used: the HTTP status of a
 * failed model request (three digits, for example {@code 529}) and the simple class name of an
 * exception the client threw (for example {@code ClaudeCodeProcessException}). A value the CLI
 * reports that is none of these becomes {@link #OTHER}.
 */
public enum AgentErrorType {

	/**
	 * The turn reached {@code --max-turns} (result subtype).
	 */
	ERROR_MAX_TURNS("error_max_turns"),

	/**
	 * The turn failed while it ran (result subtype).
	 */
	ERROR_DURING_EXECUTION("error_during_execution"),

	/**
	 * The session's cost reached {@code --max-budget-usd} (result subtype).
	 */
	ERROR_MAX_BUDGET_USD("error_max_budget_usd"),

	/**
	 * The model did not produce output valid against the JSON schema (result subtype).
	 */
	ERROR_MAX_STRUCTURED_OUTPUT_RETRIES("error_max_structured_output_retries"),

	/**
	 * A failed result or request that says nothing more.
	 */
	ERROR("error"),

	/**
	 * The messages of the run ended without a result.
	 */
	NO_RESULT("no_result"),

	/**
	 * The CLI of a claude-code-sdk turn exited before the turn's result.
	 */
	CLI_EXITED("cli_exited"),

	/**
	 * The claude-code-sdk client was closed during the turn.
	 */
	CLIENT_CLOSED("client_closed"),

	/**
	 * The run was stopped on request.
	 */
	INTERRUPTED(AgentRunControl.INTERRUPTED),

	/**
	 * A response stream cut by an SSE error event or a dropped connection.
	 */
	STREAM_ERROR("stream_error"),

	/**
	 * A tool result with {@code is_error}.
	 */
	TOOL_ERROR("tool_error"),

	/**
	 * A tool call the CLI refused without asking.
	 */
	PERMISSION_DENIED("permission_denied"),

	/**
	 * A subagent whose task failed.
	 */
	TASK_FAILED("failed"),

	/**
	 * A subagent whose task was stopped.
	 */
	TASK_STOPPED("stopped"),

	/**
	 * The API refused the credentials (the CLI's error name of a failed request).
	 */
	AUTHENTICATION_FAILED("authentication_failed"),

	/**
	 * A billing problem of the account (CLI error name).
	 */
	BILLING_ERROR("billing_error"),

	/**
	 * The API rate limit (CLI error name).
	 */
	RATE_LIMIT("rate_limit"),

	/**
	 * The API is overloaded (CLI error name).
	 */
	OVERLOADED("overloaded"),

	/**
	 * The API refused the request as invalid (CLI error name).
	 */
	INVALID_REQUEST("invalid_request"),

	/**
	 * The model does not exist (CLI error name).
	 */
	MODEL_NOT_FOUND("model_not_found"),

	/**
	 * The API failed (CLI error name).
	 */
	SERVER_ERROR("server_error"),

	/**
	 * The response reached its maximum output tokens (CLI error name).
	 */
	MAX_OUTPUT_TOKENS("max_output_tokens"),

	/**
	 * A failure the CLI does not name, such as a dropped connection (CLI error name).
	 */
	UNKNOWN("unknown"),

	/**
	 * Any value the CLI reports that this list does not have.
	 */
	OTHER("_OTHER");

	private static final Map<String, AgentErrorType> BY_VALUE = Stream.of(values())
		.collect(Collectors.toUnmodifiableMap(AgentErrorType::value, Function.identity()));

	private static final Pattern HTTP_STATUS = Pattern.compile("[1-5]\\d\\d");

	private final String value;

	AgentErrorType(String value) {
		this.value = value;
	}

	/**
	 * Return the {@code error.type} value.
	 * @return the value, for example {@code tool_error}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * The {@code error.type} of a value the CLI or an SDK reports: one of this list, or an
	 * HTTP status.
	 * @param reported the reported error (result subtype, HTTP status, CLI error name, task
	 * status), may be {@code null}
	 * @return the value of the matching constant, the HTTP status, {@link #ERROR} for
	 * {@code null}, else {@link #OTHER}
	 */
	public static String of(@Nullable String reported) {
		if (reported == null || reported.isBlank()) {
			return ERROR.value;
		}
		AgentErrorType type = BY_VALUE.get(reported);
		if (type != null) {
			return type.value;
		}
		return HTTP_STATUS.matcher(reported).matches() ? reported : OTHER.value;
	}

}
