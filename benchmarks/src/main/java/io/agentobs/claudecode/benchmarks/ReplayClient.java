package io.agentobs.claudecode.benchmarks;

import java.util.Iterator;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.ClaudeMessageListener;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;

/**
 * A client whose one-shot runs replay a recording from memory, with no process behind them.
 */
abstract class ReplayClient implements ClaudeCodeClient {

	private static final ClaudeMessageParser PARSER = new ClaudeMessageParser();

	/**
	 * Runs that hand out already parsed messages.
	 */
	static ReplayClient of(List<ClaudeMessage> messages) {
		return new ReplayClient() {

			@Override
			Iterator<ClaudeMessage> messages(ClaudeCodeOptions options) {
				return messages.iterator();
			}

		};
	}

	/**
	 * Runs that parse recorded lines and tell the options' message listener about each
	 * message before handing it out, as the CLI client's reader thread does.
	 */
	static ReplayClient parsing(List<String> lines) {
		return new ReplayClient() {

			@Override
			Iterator<ClaudeMessage> messages(ClaudeCodeOptions options) {
				ClaudeMessageListener listener = (options != null) ? options.getMessageListener() : null;
				Iterator<String> remaining = lines.iterator();
				return new Iterator<>() {

					@Override
					public boolean hasNext() {
						return remaining.hasNext();
					}

					@Override
					public ClaudeMessage next() {
						ClaudeMessage message = PARSER.parse(remaining.next());
						if (listener != null) {
							listener.onMessage(message);
						}
						return message;
					}

				};
			}

		};
	}

	/** The messages of one run. */
	abstract Iterator<ClaudeMessage> messages(ClaudeCodeOptions options);

	@Override
	public ClaudeCodeRun query(String prompt) {
		return query(prompt, null);
	}

	@Override
	public ClaudeCodeRun query(String prompt, ClaudeCodeOptions options) {
		Iterator<ClaudeMessage> messages = messages(options);
		return new ClaudeCodeRun() {

			@Override
			public Iterator<ClaudeMessage> iterator() {
				return messages;
			}

			@Override
			public void interrupt() {
			}

			@Override
			public void close() {
			}

		};
	}

	@Override
	public ClaudeCodeSession openSession() {
		throw new UnsupportedOperationException();
	}

	@Override
	public ClaudeCodeSession openSession(ClaudeCodeOptions options) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ClaudeCodeSession resumeSession(String sessionId, ClaudeCodeOptions options) {
		throw new UnsupportedOperationException();
	}

}
