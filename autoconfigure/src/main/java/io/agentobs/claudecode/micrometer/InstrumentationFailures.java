package io.agentobs.claudecode.micrometer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swallows failures of the instrumentation itself so they never reach the user's agent code,
 * logging each kind of failure once at WARN (repeats at DEBUG).
 */
public final class InstrumentationFailures {

	private static final Logger logger = LoggerFactory.getLogger(InstrumentationFailures.class);

	private static final Set<String> logged = ConcurrentHashMap.newKeySet();

	private InstrumentationFailures() {
	}

	/**
	 * Runs an instrumentation step, logging and swallowing any exception.
	 * @param step what is being done, for the log line
	 * @param action the step
	 */
	public static void run(String step, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException | LinkageError ex) {
			log(step, ex);
		}
	}

	static void log(String step, Throwable ex) {
		String key = step + ':' + ex.getClass().getName();
		if (logged.size() < 1000 && logged.add(key)) {
			logger.warn("Claude Code observability failed while {}; the agent run is not affected "
					+ "(further failures of this kind are logged at DEBUG)", step, ex);
		}
		else {
			logger.debug("Claude Code observability failed while {}", step, ex);
		}
	}

}
