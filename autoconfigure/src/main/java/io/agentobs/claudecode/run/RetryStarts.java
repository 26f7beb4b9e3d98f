package io.agentobs.claudecode.run;

import io.agentobs.claudecode.micrometer.InstrumentationFailures;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Starts the model call of a retried request when the CLI sends it: the CLI writes
 * {@code system/api_retry} and then waits {@code retry_delay_ms} before it sends the request
 * again, and no line marks the moment it does. One daemon thread for the process, started on
 * demand; it ends a second after it has nothing left to start, and a run cancels its pending
 * start when it ends.
 */
final class RetryStarts {

	private static final ScheduledThreadPoolExecutor timer = createTimer();

	private RetryStarts() {
	}

	/**
	 * Starts an agent's call for its retried request after the back-off, unless it is
	 * cancelled first; replaces a start still pending for the agent.
	 * @param scope the agent
	 * @param delayMillis the back-off, in milliseconds from now
	 * @param turn the lock of the turn's events, held by the caller and taken by the start
	 * @param start starts the call, with the lock held
	 */
	static void schedule(AgentScope scope, long delayMillis, Object turn, Runnable start) {
		cancel(scope);
		ScheduledFuture<?>[] pending = new ScheduledFuture<?>[1];
		pending[0] = timer.schedule(() -> InstrumentationFailures.run("starting a retried model call", () -> {
			synchronized (turn) {
				if (scope.pendingRetry == pending[0] && !scope.ended) {
					scope.pendingRetry = null;
					scope.pendingRetryFollowsCut = false;
					start.run();
				}
			}
		}), delayMillis, TimeUnit.MILLISECONDS);
		scope.pendingRetry = pending[0];
	}

	/**
	 * Cancels the agent's pending start, if any: its call started otherwise, or the agent ended.
	 * @param scope the agent
	 */
	static void cancel(AgentScope scope) {
		ScheduledFuture<?> pending = scope.pendingRetry;
		scope.pendingRetryFollowsCut = false;
		if (pending != null) {
			scope.pendingRetry = null;
			pending.cancel(false);
		}
	}

	private static ScheduledThreadPoolExecutor createTimer() {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "claude-code-retry-start");
			thread.setDaemon(true);
			return thread;
		});
		timer.setKeepAliveTime(1, TimeUnit.SECONDS);
		timer.allowCoreThreadTimeOut(true);
		timer.setRemoveOnCancelPolicy(true);
		return timer;
	}

}
