package io.agentobs.claudecode.client;

import java.util.List;

/**
 * Thrown when no Claude Code CLI executable can be found.
 */
public class ClaudeCodeCliNotFoundException extends ClaudeCodeException {

	private final List<String> searchedLocations;

	public ClaudeCodeCliNotFoundException(List<String> searchedLocations) {
		super("Claude Code CLI not found; looked in: " + String.join(", ", searchedLocations)
				+ ". Set the CLI path option (claude-code.cli-path) or the CLAUDE_CODE_CLI_PATH environment variable");
		this.searchedLocations = List.copyOf(searchedLocations);
	}

	/**
	 * Every place that was searched, in search order.
	 * @return the searched locations
	 */
	public List<String> getSearchedLocations() {
		return this.searchedLocations;
	}

}
