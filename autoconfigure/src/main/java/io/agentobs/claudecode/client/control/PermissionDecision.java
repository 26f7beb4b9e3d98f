package io.agentobs.claudecode.client.control;

import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to a {@link PermissionRequest}: allow (possibly with a changed input), deny
 * with a message the model receives, or deny and interrupt the turn.
 */
public final class PermissionDecision {

	/** How a decision was reached, for telemetry. */
	public enum Source {

		/** A {@link ClaudePermissionHandler} decided. */
		HANDLER,

		/** A rule of a {@link RuleBasedPermissionHandler} decided. */
		RULE,

		/** A {@code PreToolUse} hook decided. */
		HOOK,

		/** The CLI decided on its own (its settings, its permission mode). */
		CLI;

		/**
		 * The value as telemetry records it.
		 * @return the lower-case name
		 */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final boolean allowed;

	private final JsonNode updatedInput;

	private final String message;

	private final boolean interrupt;

	private final Source source;

	private PermissionDecision(boolean allowed, JsonNode updatedInput, String message, boolean interrupt,
			Source source) {
		this.allowed = allowed;
		this.updatedInput = updatedInput;
		this.message = message;
		this.interrupt = interrupt;
		this.source = source;
	}

	/**
	 * Lets the tool run with the model's input.
	 * @return the decision
	 */
	public static PermissionDecision allow() {
		return new PermissionDecision(true, null, null, false, Source.HANDLER);
	}

	/**
	 * Lets the tool run with another input.
	 * @param updatedInput the input the tool runs with
	 * @return the decision
	 */
	public static PermissionDecision allow(JsonNode updatedInput) {
		return new PermissionDecision(true, Objects.requireNonNull(updatedInput, "updatedInput"), null, false,
				Source.HANDLER);
	}

	/**
	 * Refuses the tool call; the model receives the message as the tool's error result.
	 * @param message why, as the model reads it
	 * @return the decision
	 */
	public static PermissionDecision deny(String message) {
		return new PermissionDecision(false, null, Objects.requireNonNull(message, "message"), false, Source.HANDLER);
	}

	/**
	 * Refuses the tool call and stops the turn.
	 * @param message why, as the model reads it
	 * @return the decision
	 */
	public static PermissionDecision denyAndInterrupt(String message) {
		return new PermissionDecision(false, null, Objects.requireNonNull(message, "message"), true, Source.HANDLER);
	}

	/**
	 * This decision, attributed to another source.
	 * @param source who decided
	 * @return the decision
	 */
	public PermissionDecision decidedBy(Source source) {
		return new PermissionDecision(this.allowed, this.updatedInput, this.message, this.interrupt,
				Objects.requireNonNull(source, "source"));
	}

	/**
	 * Whether the tool may run.
	 * @return {@code true} for an allow
	 */
	public boolean isAllowed() {
		return this.allowed;
	}

	/**
	 * The input the tool runs with instead of the model's.
	 * @return the input, {@code null} to keep the model's
	 */
	public JsonNode getUpdatedInput() {
		return this.updatedInput;
	}

	/**
	 * Why the call was denied.
	 * @return the message, {@code null} for an allow
	 */
	public String getMessage() {
		return this.message;
	}

	/**
	 * Whether a denial also stops the turn.
	 * @return {@code true} to interrupt
	 */
	public boolean isInterrupt() {
		return this.interrupt;
	}

	/**
	 * Who decided.
	 * @return the source
	 */
	public Source getSource() {
		return this.source;
	}

	/**
	 * The decision as telemetry records it: {@code allow}, {@code allow_modified},
	 * {@code deny} or {@code deny_interrupt}.
	 * @return the value
	 */
	public String outcome() {
		if (this.allowed) {
			return (this.updatedInput != null) ? "allow_modified" : "allow";
		}
		return this.interrupt ? "deny_interrupt" : "deny";
	}

	@Override
	public String toString() {
		return "PermissionDecision[" + outcome() + ", source=" + this.source.value() + "]";
	}

}
