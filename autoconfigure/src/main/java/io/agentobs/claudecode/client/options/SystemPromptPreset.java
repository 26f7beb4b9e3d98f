package io.agentobs.claudecode.client.options;

/**
 * The system prompt of a run that sets none.
 */
public enum SystemPromptPreset {

	/**
	 * An empty system prompt ({@code --system-prompt=}), as the official Agent SDKs send:
	 * fewer input tokens, and the behaviour Anthropic's SDK documentation describes.
	 */
	EMPTY,

	/**
	 * The CLI's full Claude Code system prompt; an appended system prompt adds to it.
	 */
	CLAUDE_CODE

}
