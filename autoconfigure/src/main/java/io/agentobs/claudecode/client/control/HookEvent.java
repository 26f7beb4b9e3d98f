package io.agentobs.claudecode.client.control;

/**
 * The hook events a {@link ClaudeHook} can handle, named as the CLI names them.
 */
public enum HookEvent {

	/** Before a tool runs: may block it or change its input. */
	PRE_TOOL_USE("PreToolUse"),

	/** After a tool succeeded: sees its output, may replace it or add context. */
	POST_TOOL_USE("PostToolUse"),

	/** After a tool failed: sees the error, may add context. */
	POST_TOOL_USE_FAILURE("PostToolUseFailure"),

	/** A prompt was submitted: may block it or add context. */
	USER_PROMPT_SUBMIT("UserPromptSubmit"),

	/** The agent is about to stop: may block the stop (the agent goes on). */
	STOP("Stop"),

	/** A subagent starts: may add context. */
	SUBAGENT_START("SubagentStart"),

	/** A subagent is about to stop: may block the stop. */
	SUBAGENT_STOP("SubagentStop"),

	/** The conversation is about to be compacted. */
	PRE_COMPACT("PreCompact"),

	/** The CLI sends a notification. */
	NOTIFICATION("Notification"),

	/** The session starts. */
	SESSION_START("SessionStart"),

	/** The session ends. */
	SESSION_END("SessionEnd");

	private final String wireName;

	HookEvent(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The event's name on the wire, e.g. {@code PreToolUse}.
	 * @return the name
	 */
	public String wireName() {
		return this.wireName;
	}

}
