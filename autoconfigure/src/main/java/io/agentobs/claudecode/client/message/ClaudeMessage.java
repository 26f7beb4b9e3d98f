package io.agentobs.claudecode.client.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of the Claude Code CLI's stream-json output. Every message keeps the raw JSON it
 * was parsed from, so nothing the CLI emits is lost.
 *
 * @see ClaudeMessageParser
 */
public sealed interface ClaudeMessage
		permits SystemMessage, AssistantMessage, UserMessage, StreamEventMessage, ResultMessage, ControlMessage,
		UnknownMessage, RateLimitEvent, ToolProgressMessage {

	/**
	 * The {@code type} field of the line, e.g. {@code assistant}.
	 * @return the message type, or {@code null} for a line that is not a JSON object
	 */
	String type();

	/**
	 * The CLI's session id, when the line carries one.
	 * @return the session id or {@code null}
	 */
	String sessionId();

	/**
	 * The JSON the message was parsed from.
	 * @return the raw JSON node
	 */
	JsonNode raw();

}
