package io.agentobs.claudecode.testsupport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.ClaudeMessage;

/**
 * A client whose runs replay recorded messages, optionally failing after some of them, and
 * which remembers the options of each query.
 */
public class ReplayedClaudeCodeClient extends OneShotClaudeCodeClient {

	private final List<ClaudeMessage> messages;

	private final int failAfter;

	public final List<ClaudeCodeOptions> queriedOptions = new ArrayList<>();

	public final AtomicInteger closedRuns = new AtomicInteger();

	public ReplayedClaudeCodeClient(List<ClaudeMessage> messages) {
		this(messages, -1);
	}

	public ReplayedClaudeCodeClient(List<ClaudeMessage> messages, int failAfter) {
		this.messages = messages;
		this.failAfter = failAfter;
	}

	@Override
	public ClaudeCodeRun query(String prompt, ClaudeCodeOptions options) {
		this.queriedOptions.add(options);
		return new ReplayedRun();
	}

	private final class ReplayedRun implements ClaudeCodeRun {

		@Override
		public Iterator<ClaudeMessage> iterator() {
			return new Iterator<>() {

				private int next;

				@Override
				public boolean hasNext() {
					if (this.next == ReplayedClaudeCodeClient.this.failAfter) {
						throw new IllegalStateException("CLI exited with code 137");
					}
					return this.next < ReplayedClaudeCodeClient.this.messages.size();
				}

				@Override
				public ClaudeMessage next() {
					if (!hasNext()) {
						throw new NoSuchElementException();
					}
					return ReplayedClaudeCodeClient.this.messages.get(this.next++);
				}

			};
		}

		@Override
		public void interrupt() {
		}

		@Override
		public void close() {
			ReplayedClaudeCodeClient.this.closedRuns.incrementAndGet();
		}

	}

}
