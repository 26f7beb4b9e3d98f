package io.agentobs.claudecode.actuate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.agentobs.claudecode.observation.AgentRunControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a run in progress through its {@link AgentRunControl}: interrupts it, and closes it
 * when it has not ended within the timeout. The client's calls run on their own threads (a
 * client's {@code interrupt()} or {@code close()} may block for seconds), so the caller waits
 * at most twice the timeout.
 */
final class RunStopper {

	private static final Logger logger = LoggerFactory.getLogger(RunStopper.class);

	private final Duration timeout;

	RunStopper(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Stops the run and waits for it to end.
	 * @param run the run
	 * @param requester who asks, for the log
	 * @return whether the run ended
	 */
	boolean stop(TrackedRun run, String requester) {
		AgentRunControl control = run.control();
		if (control == null) {
			logger.warn("Agent run {} ({}) cannot be interrupted (asked by {}): its client offers no control",
					run.id(), run.agentName(), requester);
			return false;
		}
		logger.info("Interrupting agent run {} ({}) at the request of {}", run.id(), run.agentName(), requester);
		inBackground(run, "interrupting", control::interrupt);
		if (endsWithin(run)) {
			return true;
		}
		logger.info("Agent run {} did not end within {} of its interrupt; closing it", run.id(), this.timeout);
		inBackground(run, "closing", control::close);
		return endsWithin(run);
	}

	private static void inBackground(TrackedRun run, String action, Runnable call) {
		Thread thread = new Thread(() -> {
			try {
				call.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Failed {} agent run {}", action, run.id(), ex);
			}
		}, "agentruns-" + action + "-" + run.id());
		thread.setDaemon(true);
		thread.start();
	}

	private boolean endsWithin(TrackedRun run) {
		try {
			run.ended().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
	}

}
