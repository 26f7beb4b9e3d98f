package io.agentobs.claudecode.client.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the application's telemetry listeners (control, process and session mirror
 * listeners): what they throw is logged and ignored, so that telemetry never stops a run.
 */
final class ListenerCalls {

	private static final Logger logger = LoggerFactory.getLogger(ListenerCalls.class);

	private ListenerCalls() {
	}

	/**
	 * Calls a listener.
	 * @param listener what is called, for the log line, e.g. {@code "control listener"}
	 * @param what what it is told, for the log line, e.g. {@code "a hook callback"}
	 * @param call the call
	 */
	static void run(String listener, String what, Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			logger.warn("The Claude Code {} failed on {}; it is ignored", listener, what, ex);
		}
	}

}
