package io.agentobs.claudecode.client.message;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code stream_event} line (with {@code --include-partial-messages}): one raw Anthropic
 * server-sent event.
 *
 * @param event the raw event
 * @param apiMessageId the Anthropic message id the event belongs to, may be {@code null}
 * @param parentToolUseId the {@code Agent} tool use this event belongs to, inside a subagent
 * @param sessionId the session id
 * @param raw the line
 */
public record StreamEventMessage(JsonNode event, String apiMessageId, String parentToolUseId, String sessionId,
		JsonNode raw) implements ClaudeMessage {

	@Override
	public String type() {
		return "stream_event";
	}

	/**
	 * The event type, e.g. {@code message_delta}.
	 * @return the event type or {@code null}
	 */
	public String eventType() {
		return Json.text(this.event, "type");
	}

	/**
	 * The {@code message_start} event, if this is one.
	 * @return the message start
	 */
	public Optional<MessageStart> messageStart() {
		if (!"message_start".equals(eventType())) {
			return Optional.empty();
		}
		JsonNode message = Json.field(this.event, "message");
		return Optional.of(new MessageStart(Json.text(message, "id"), Json.text(message, "model"),
				Usage.from(Json.field(message, "usage"))));
	}

	/**
	 * The {@code message_delta} event, if this is one.
	 * @return the message delta
	 */
	public Optional<MessageDelta> messageDelta() {
		if (!"message_delta".equals(eventType())) {
			return Optional.empty();
		}
		return Optional.of(new MessageDelta(Json.text(Json.field(this.event, "delta"), "stop_reason"),
				Usage.from(Json.field(this.event, "usage"))));
	}

	/**
	 * The start of a streamed model response.
	 * @param messageId the message id
	 * @param model the model
	 * @param usage the usage snapshot
	 */
	public record MessageStart(String messageId, String model, Usage usage) {
	}

	/**
	 * The end of a streamed model response, with the final numbers.
	 * @param stopReason the final stop reason
	 * @param usage the final usage ({@code output_tokens} is the true count)
	 */
	public record MessageDelta(String stopReason, Usage usage) {
	}

}
