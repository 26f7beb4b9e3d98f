package io.agentobs.claudecode.micrometer;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.Observation;

/**
 * Work that a handler defers until every handler has been told that an agent observation
 * stopped, kept in the observation's context. Micrometer tells handlers of a stop in the
 * reverse order of their registration, so a handler registered after the tracing handler
 * (to read the tracer's span when it starts) is told of the stop before the tracer's span
 * ends; the Sentry handler finishes its span here, from the tracer's end.
 */
public final class AfterStopActions {

	private final List<Runnable> actions = new ArrayList<>(2);

	private AfterStopActions() {
	}

	/**
	 * Defers an action until every handler has been told that the observation stopped.
	 * @param context the observation's context
	 * @param action the action, run once on the thread that stopped the observation
	 * @return {@code false} when the observation does not run deferred actions (it is not an
	 * agent observation started by this instrumentation): the caller runs the action itself
	 */
	public static boolean defer(Observation.ContextView context, Runnable action) {
		AfterStopActions actions = context.get(AfterStopActions.class);
		if (actions == null) {
			return false;
		}
		synchronized (actions) {
			actions.actions.add(action);
		}
		return true;
	}

	/**
	 * Lets handlers defer actions until the observation has stopped.
	 * @param context the context of an observation about to start
	 */
	static void install(Observation.Context context) {
		context.computeIfAbsent(AfterStopActions.class, (key) -> new AfterStopActions());
	}

	/**
	 * Runs, once, the actions deferred so far; a failing action is logged and the others run.
	 * @param context the context of an observation that has stopped
	 */
	static void runAll(Observation.ContextView context) {
		AfterStopActions deferred = context.get(AfterStopActions.class);
		if (deferred == null) {
			return;
		}
		List<Runnable> actions;
		synchronized (deferred) {
			if (deferred.actions.isEmpty()) {
				return;
			}
			actions = new ArrayList<>(deferred.actions);
			deferred.actions.clear();
		}
		for (Runnable action : actions) {
			InstrumentationFailures.run("finishing a stopped agent observation", action);
		}
	}

}
