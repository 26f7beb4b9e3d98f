package io.agentobs.claudecode.client;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;

/**
 * The messages of one prompt, delivered lazily as the CLI writes them and ending with the
 * turn's {@link ResultMessage} (with background tasks the CLI writes one result before they
 * end and another after: the run delivers both and ends with the last). Single pass:
 * {@link #iterator()} may be called once. Iteration throws {@link ClaudeCodeProcessException} when the CLI exits before the result
 * and {@link ClaudeCodeTimeoutException} when a timeout expires. Control protocol lines
 * are never delivered.
 */
public interface ClaudeCodeRun extends Iterable<ClaudeMessage>, AutoCloseable {

	/**
	 * The messages of the run.
	 * @return the iterator
	 * @throws IllegalStateException when called a second time
	 */
	@Override
	Iterator<ClaudeMessage> iterator();

	/**
	 * Asks the CLI to stop the current turn; the run then ends with the turn's result.
	 */
	void interrupt();

	/**
	 * Ends the run. When it has not reached its result, the CLI stops working on it: a
	 * one-shot run's process tree is killed.
	 */
	@Override
	void close();

	/**
	 * How the context window of the run's CLI session is used ({@code get_context_usage}),
	 * asked while the run is in progress.
	 * @return the usage as the CLI reports it
	 * @throws ClaudeCodeControlException when the CLI refused or did not answer in time
	 */
	default JsonNode contextUsage() {
		throw new UnsupportedOperationException("This Claude Code run cannot report its context usage");
	}

	/**
	 * The status of the MCP servers of the run's CLI session ({@code mcp_status}).
	 * @return the servers' status
	 * @throws ClaudeCodeControlException when the CLI refused or did not answer in time
	 */
	default JsonNode mcpServerStatus() {
		throw new UnsupportedOperationException("This Claude Code run cannot report its MCP servers");
	}

	/**
	 * The messages as a sequential stream; closing the stream closes the run.
	 * @return the stream
	 */
	default Stream<ClaudeMessage> stream() {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
			.onClose(this::close);
	}

	/**
	 * Consumes the run and closes it.
	 * @return the last {@link ResultMessage}
	 * @throws ClaudeCodeException when the run fails or delivers no result
	 */
	default ResultMessage awaitResult() {
		try (this) {
			ResultMessage result = null;
			for (ClaudeMessage message : this) {
				if (message instanceof ResultMessage resultMessage) {
					result = resultMessage;
				}
			}
			if (result == null) {
				throw new ClaudeCodeException("The Claude Code run ended without a result");
			}
			return result;
		}
	}

}
