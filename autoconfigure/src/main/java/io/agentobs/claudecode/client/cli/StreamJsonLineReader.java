package io.agentobs.claudecode.client.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads the lines of the CLI's output, refusing a line longer than the limit without holding
 * it in memory: the line is skipped to its end and reported. A last line the CLI wrote
 * without its line break is not held back while the CLI keeps running: when no more output
 * is ready and the text read so far is a whole JSON object, it is a line.
 */
final class StreamJsonLineReader {

	private final Reader input;

	private final long maxLength;

	private final char[] buffer = new char[8192];

	private int position;

	private int limit;

	StreamJsonLineReader(Reader input, long maxLength) {
		this.input = input;
		this.maxLength = maxLength;
	}

	/**
	 * Reads the next line, without its line break.
	 * @return the line, or {@code null} at the end of the output
	 * @throws IOException when reading fails
	 * @throws LineTooLongException when the line is longer than the limit (it is skipped)
	 */
	String readLine() throws IOException {
		StringBuilder line = new StringBuilder();
		long length = 0;
		boolean read = false;
		while (true) {
			if (this.position >= this.limit) {
				if (read && length <= this.maxLength && !this.input.ready() && isWholeJsonObject(line)) {
					break;
				}
				this.limit = Math.max(0, this.input.read(this.buffer));
				this.position = 0;
				if (this.limit == 0) {
					if (!read) {
						return null;
					}
					break;
				}
			}
			read = true;
			int start = this.position;
			while (this.position < this.limit && this.buffer[this.position] != '\n') {
				this.position++;
			}
			int count = this.position - start;
			length += count;
			if (length <= this.maxLength) {
				line.append(this.buffer, start, count);
			}
			else {
				line.setLength(0);
			}
			if (this.position < this.limit) {
				this.position++;
				break;
			}
		}
		if (length > this.maxLength) {
			throw new LineTooLongException(length);
		}
		int end = line.length();
		return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
	}

	/**
	 * Whether the text is one whole JSON object (whitespace around it aside): its braces,
	 * outside strings, close at its last character. A prefix of a JSON line never is.
	 */
	static boolean isWholeJsonObject(CharSequence text) {
		int end = text.length();
		while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		int start = 0;
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		if (start >= end || text.charAt(start) != '{' || text.charAt(end - 1) != '}') {
			return false;
		}
		int depth = 0;
		boolean inString = false;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				depth++;
			}
			else if (c == '}' || c == ']') {
				depth--;
				if (depth == 0 && i < end - 1) {
					return false;
				}
			}
		}
		return depth == 0 && !inString;
	}

	/**
	 * A line longer than the limit.
	 */
	static final class LineTooLongException extends IOException {

		private final long length;

		LineTooLongException(long length) {
			super("Line of " + length + " characters");
			this.length = length;
		}

		long length() {
			return this.length;
		}

	}

}
