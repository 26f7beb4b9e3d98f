package io.agentobs.claudecode.client.cli;

import java.util.concurrent.atomic.AtomicBoolean;

import io.agentobs.claudecode.client.ClaudeMessageListener;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a {@link ClaudeMessageListener} so that its failure never stops the reading of the
 * CLI's output: the first failure is logged at WARN, later ones at DEBUG.
 */
final class MessageListenerFailures {

	private static final Logger logger = LoggerFactory.getLogger(MessageListenerFailures.class);

	private static final AtomicBoolean warned = new AtomicBoolean();

	private MessageListenerFailures() {
	}

	static void call(ClaudeMessageListener listener, ClaudeMessage message) {
		try {
			listener.onMessage(message);
		}
		catch (RuntimeException | LinkageError ex) {
			if (warned.compareAndSet(false, true)) {
				logger.warn("A Claude Code message listener failed; the message is delivered all the same", ex);
			}
			else {
				logger.debug("A Claude Code message listener failed", ex);
			}
		}
	}

}
