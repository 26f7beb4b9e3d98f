package io.agentobs.claudecode.content;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;

/**
 * Logs a warning about recorded content once, however often it is asked to.
 */
final class SensitiveContentWarning {

	private final AtomicBoolean logged = new AtomicBoolean();

	private final Logger logger;

	private final String message;

	SensitiveContentWarning(Logger logger, String message) {
		this.logger = logger;
		this.message = message;
	}

	void logOnce() {
		if (this.logged.compareAndSet(false, true)) {
			this.logger.warn(this.message);
		}
	}

}
