package io.agentobs.claudecode.client;

import java.util.List;

/**
 * Thrown when the Claude Code CLI process fails: it could not be started or written to, or
 * it exited before writing the {@code result} of the current turn.
 */
public class ClaudeCodeProcessException extends ClaudeCodeException {

	private final Integer exitCode;

	private final List<String> stderrTail;

	public ClaudeCodeProcessException(String message, Integer exitCode, List<String> stderrTail, Throwable cause) {
		super(describe(message, exitCode, stderrTail), cause);
		this.exitCode = exitCode;
		this.stderrTail = List.copyOf(stderrTail);
	}

	private static String describe(String message, Integer exitCode, List<String> stderrTail) {
		StringBuilder description = new StringBuilder(message);
		if (exitCode != null) {
			description.append(" (exit code ").append(exitCode).append(')');
		}
		if (!stderrTail.isEmpty()) {
			description.append("; last stderr lines:");
			stderrTail.forEach((line) -> description.append(System.lineSeparator()).append(line));
		}
		return description.toString();
	}

	/**
	 * The exit code of the CLI.
	 * @return the exit code, or {@code null} when the process had not exited
	 */
	public Integer getExitCode() {
		return this.exitCode;
	}

	/**
	 * The last lines the CLI wrote to stderr.
	 * @return the stderr tail, oldest first
	 */
	public List<String> getStderrTail() {
		return this.stderrTail;
	}

}
