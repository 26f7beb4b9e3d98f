package io.agentobs.claudecode.client.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code rate_limit_event} line: the CLI's rate limit information for a claude.ai
 * subscription changed. All data stays in {@link #raw()}; {@link #info()} reads the fields
 * this client uses.
 *
 * @param sessionId the session id
 * @param raw the line
 */
public record RateLimitEvent(String sessionId, JsonNode raw) implements ClaudeMessage {

	@Override
	public String type() {
		return "rate_limit_event";
	}

	/**
	 * The {@code rate_limit_info} of the line.
	 * @return the rate limit information, with {@code null} for what the CLI left out
	 */
	public RateLimitInfo info() {
		JsonNode info = this.raw.path("rate_limit_info");
		return new RateLimitInfo(Json.text(info, "status"), Json.text(info, "rateLimitType"),
				Json.doubleOrNull(info, "utilization"), Json.longOrNull(info, "resetsAt"),
				Json.text(info, "overageStatus"), Json.bool(info, "isUsingOverage"));
	}

	/**
	 * The rate limit information of a {@link RateLimitEvent}.
	 * @param status {@code allowed}, {@code allowed_warning} or {@code rejected}, may be
	 * {@code null}
	 * @param rateLimitType the limit, e.g. {@code five_hour} or {@code seven_day}, may be
	 * {@code null}
	 * @param utilization how much of the limit is used, as the CLI reports it, may be
	 * {@code null}
	 * @param resetsAt when the limit resets, in epoch seconds, may be {@code null}
	 * @param overageStatus the status of the overage (extra usage), may be {@code null}
	 * @param usingOverage whether requests are billed as overage
	 */
	public record RateLimitInfo(String status, String rateLimitType, Double utilization, Long resetsAt,
			String overageStatus, boolean usingOverage) {

		/**
		 * Whether the limit refused the request.
		 * @return {@code true} for {@code rejected}
		 */
		public boolean isRejected() {
			return "rejected".equals(this.status);
		}

	}

}
