package io.agentobs.claudecode.instrumentation;

import java.lang.ref.Cleaner;

/**
 * Ends the observations of runs that the user dropped without consuming or closing them, when
 * the garbage collector finds the run unreachable, so no observation stays open forever.
 */
public final class AbandonedRuns {

	private static final Cleaner cleaner = Cleaner.create((runnable) -> {
		Thread thread = new Thread(runnable, "claude-code-observability-cleaner");
		thread.setDaemon(true);
		return thread;
	});

	private AbandonedRuns() {
	}

	/**
	 * Ends the recorder's observations once the given run is unreachable.
	 * @param run the object the user holds
	 * @param recorder the recorder of that run; must not reference the run
	 */
	public static void register(Object run, AgentRunRecorder recorder) {
		cleaner.register(run, () -> InstrumentationFailures.run("ending an abandoned run", recorder::abandoned));
	}

}
