package io.agentobs.claudecode.client.message;

import java.util.HashSet;
import java.util.Set;

/**
 * Tells which {@link ResultMessage} ends a turn. With background tasks
 * ({@code run_in_background} subagents and shell commands) the CLI writes a first result
 * while they run; when one ends it starts a follow-up turn (a new {@code system/init}) that
 * ends with another result. A result ends the turn when no background task is pending and
 * none ended since the last {@code system/init}.
 * <p>
 * Fed either with the messages of a turn ({@link #follow}) or with the facts read from them
 * ({@link #turnStarted}, {@link #backgroundTaskStarted}, {@link #taskEnded},
 * {@link #resultEndsTurn}). Thread-safe.
 */
public final class TurnEnd {

	private final Set<String> pendingTasks = new HashSet<>();

	private boolean taskEndedSinceTurnStart;

	/**
	 * Follows one message of the turn.
	 * @param message the message
	 * @return {@code true} when the message is the result that ends the turn
	 */
	public synchronized boolean follow(ClaudeMessage message) {
		if (message instanceof SystemMessage system) {
			if (system.isInit()) {
				turnStarted();
			}
			system.taskStarted()
				.filter(SystemMessage.TaskStarted::backgrounded)
				.ifPresent((task) -> backgroundTaskStarted(task.taskId()));
			system.taskUpdated()
				.filter(SystemMessage.TaskUpdated::backgrounded)
				.ifPresent((task) -> backgroundTaskStarted(task.taskId()));
			system.taskNotification().ifPresent((task) -> taskEnded(task.taskId()));
		}
		return message instanceof ResultMessage && resultEndsTurn();
	}

	/**
	 * A turn, or the follow-up turn of an ended background task, started
	 * ({@code system/init}).
	 */
	public synchronized void turnStarted() {
		this.taskEndedSinceTurnStart = false;
	}

	/**
	 * A task started in the background, or a running one was moved there.
	 * @param taskId the task id, ignored when {@code null}
	 */
	public synchronized void backgroundTaskStarted(String taskId) {
		if (taskId != null) {
			this.pendingTasks.add(taskId);
		}
	}

	/**
	 * A task ended ({@code system/task_notification}).
	 * @param taskId the task id, may be {@code null}
	 */
	public synchronized void taskEnded(String taskId) {
		if (taskId != null && this.pendingTasks.remove(taskId)) {
			this.taskEndedSinceTurnStart = true;
		}
	}

	/**
	 * Whether a result the CLI writes now ends the turn.
	 * @return {@code true} when no background task is pending and none ended since the turn
	 * started
	 */
	public synchronized boolean resultEndsTurn() {
		return this.pendingTasks.isEmpty() && !this.taskEndedSinceTurnStart;
	}

}
