package io.agentobs.claudecode.client.cli;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.agentobs.claudecode.client.ClaudeCodeProcessException;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;

/**
 * The largest line of the CLI's output the client reads, and its deepest nesting. The
 * defaults are far above what the CLI writes (Jackson's own defaults, 20 MB strings and depth
 * 1000, are not). A line over a limit fails its run with a {@link ClaudeCodeProcessException}
 * that names the limit.
 *
 * @param maxLineLength the longest line, in characters
 * @param maxNestingDepth the deepest nesting of objects and arrays
 */
public record StreamJsonLimits(long maxLineLength, int maxNestingDepth) {

	/** 256 MB lines, nesting depth 10,000. */
	public static final StreamJsonLimits DEFAULT = new StreamJsonLimits(256L * 1024 * 1024, 10_000);

	public StreamJsonLimits {
		if (maxLineLength < 1 || maxNestingDepth < 1) {
			throw new IllegalArgumentException("Stream-json limits must be positive");
		}
	}

	/**
	 * A parser that reads lines within these limits.
	 * @return the parser
	 */
	ClaudeMessageParser parser() {
		int maxLength = (int) Math.min(Integer.MAX_VALUE, this.maxLineLength);
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxStringLength(maxLength)
			.maxNameLength(maxLength)
			.maxDocumentLength(this.maxLineLength)
			.maxNestingDepth(this.maxNestingDepth)
			.build();
		return ClaudeMessageParser.within(constraints);
	}

	/**
	 * Describes a line longer than the limit.
	 * @param length the length of the line, in characters
	 * @return the description
	 */
	String lineTooLong(long length) {
		return "The Claude Code CLI wrote a line of " + length + " characters, more than the client's limit of "
				+ this.maxLineLength + " (claude-code.stream-json.max-line-length); the run is stopped";
	}

	/**
	 * Describes a line over the limits of its content.
	 * @param ex what the parser reported
	 * @return the description
	 */
	String lineOverLimit(RuntimeException ex) {
		return "The Claude Code CLI wrote a line over the client's read limits (max-line-length " + this.maxLineLength
				+ ", max-nesting-depth " + this.maxNestingDepth + ", see claude-code.stream-json.*): "
				+ ex.getMessage() + "; the run is stopped";
	}

}
