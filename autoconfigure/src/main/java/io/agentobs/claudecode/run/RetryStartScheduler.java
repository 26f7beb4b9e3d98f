package io.agentobs.claudecode.run;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.agentobs.claudecode.micrometer.InstrumentationFailures;

/**
 * Schedules the start of a retried request's model call for when the CLI sends it: the CLI
 * writes {@code system/api_retry} and then waits {@code retry_delay_ms} before it sends the
 * request again, and no line marks the moment it does. One daemon timer thread for the
 * process, started on demand; it ends a second after it has nothing left to start, and a run
 * cancels its pending start when it ends.
 */
final class RetryStartScheduler {

	private static final ScheduledThreadPoolExecutor timer = createTimer();

	private RetryStartScheduler() {
	}

	/**
	 * Starts an agent's call for its retried request after the back-off, unless it is
	 * cancelled first; replaces a start still pending for the agent.
	 * @param agent the agent
	 * @param delayMillis the back-off, in milliseconds from now
	 * @param turn the lock of the turn's events, held by the caller and taken by the start
	 * @param start starts the call, with the lock held
	 */
	static void schedule(AgentNode agent, long delayMillis, Object turn, Runnable start) {
		cancel(agent);
		ScheduledFuture<?>[] pending = new ScheduledFuture<?>[1];
		pending[0] = timer.schedule(() -> InstrumentationFailures.run("starting a retried model call", () -> {
			synchronized (turn) {
				if (agent.pendingRetry == pending[0] && !agent.ended) {
					agent.pendingRetry = null;
					agent.pendingRetryFollowsCut = false;
					start.run();
				}
			}
		}), delayMillis, TimeUnit.MILLISECONDS);
		agent.pendingRetry = pending[0];
	}

	/**
	 * Cancels the agent's pending start, if any: its call started otherwise, or the agent ended.
	 * @param agent the agent
	 */
	static void cancel(AgentNode agent) {
		ScheduledFuture<?> pending = agent.pendingRetry;
		agent.pendingRetryFollowsCut = false;
		if (pending != null) {
			agent.pendingRetry = null;
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
