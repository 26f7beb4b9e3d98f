package io.agentobs.claudecode.client.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A line of the control protocol that the CLI and its host exchange beside the messages: a
 * {@code control_request}, the {@code control_response} that answers one, or a
 * {@code control_cancel_request} that withdraws one. The client answers or handles these
 * itself and does not deliver them to the consumer of a run.
 *
 * @param type the line's type, e.g. {@code control_request}
 * @param requestId the id of the request the line makes, answers or withdraws, may be
 * {@code null}
 * @param subtype the request's subtype (e.g. {@code can_use_tool}), or the response's
 * ({@code success} or {@code error}), may be {@code null}
 * @param sessionId the session id, usually {@code null}
 * @param raw the line
 */
public record ControlMessage(String type, String requestId, String subtype, String sessionId,
		JsonNode raw) implements ClaudeMessage {

	/** The type of a request, from either side. */
	public static final String REQUEST = "control_request";

	/** The type of the answer to a request. */
	public static final String RESPONSE = "control_response";

	/** The type of a line that withdraws a request. */
	public static final String CANCEL_REQUEST = "control_cancel_request";

	/**
	 * Whether this is a request the other side expects an answer to.
	 * @return {@code true} for a {@code control_request}
	 */
	public boolean isRequest() {
		return REQUEST.equals(this.type);
	}

	/**
	 * Whether this is a response that refuses a request.
	 * @return {@code true} for a {@code control_response} with subtype {@code error}
	 */
	public boolean isErrorResponse() {
		return RESPONSE.equals(this.type) && "error".equals(this.subtype);
	}

	/**
	 * The error of a response that refuses a request.
	 * @return the error, or {@code null} when there is none
	 */
	public String error() {
		return Json.text(Json.field(this.raw, "response"), "error");
	}

	/**
	 * Reads a control line: a request carries its id beside the {@code request} body, a
	 * response inside its {@code response} body.
	 */
	static ControlMessage from(String type, String sessionId, JsonNode node) {
		JsonNode response = Json.field(node, "response");
		if (RESPONSE.equals(type)) {
			return new ControlMessage(type, Json.text(response, "request_id"), Json.text(response, "subtype"),
					sessionId, node);
		}
		return new ControlMessage(type, Json.text(node, "request_id"),
				Json.text(Json.field(node, "request"), "subtype"), sessionId, node);
	}

}
