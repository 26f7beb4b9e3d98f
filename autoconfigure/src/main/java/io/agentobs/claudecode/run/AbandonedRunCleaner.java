package io.agentobs.claudecode.run;

import java.lang.ref.Cleaner;

import io.agentobs.claudecode.micrometer.InstrumentationFailures;

/**
 * Ends the observations of runs that the user dropped without consuming or closing them, when
 * the garbage collector finds the run unreachable, so no observation stays open forever.
 */
public final class AbandonedRunCleaner {

	private static final Cleaner cleaner = Cleaner.create((runnable) -> {
		Thread thread = new Thread(runnable, "claude-code-observability-cleaner");
		thread.setDaemon(true);
		return thread;
	});

	private AbandonedRunCleaner() {
	}

	/**
	 * Ends the recorder's observations once the given run is unreachable. Call
	 * {@link Cleaner.Cleanable#clean()} on the result as soon as the run has ended, so the
	 * garbage collector has no reference left to process.
	 * @param run the object the user holds
	 * @param recorder the recorder of that run; must not reference the run
	 * @return the registration
	 */
	public static Cleaner.Cleanable register(Object run, AgentRunRecorder recorder) {
		return cleaner.register(run,
				() -> InstrumentationFailures.run("ending an abandoned run", recorder::abandoned));
	}

}
