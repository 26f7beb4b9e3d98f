package io.agentobs.claudecode.client.cli;

import java.util.HashSet;
import java.util.Set;

import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.SystemMessage;

/**
 * Tells which {@link ResultMessage} ends a turn. With background tasks
 * ({@code run_in_background} subagents and shell commands) the CLI writes a first result
 * while they run; when one ends it starts a follow-up turn (a new {@code system/init}) that
 * ends with another result. A result ends the turn when no background task is pending and
 * none ended since the last {@code system/init}. A run closed early follows the rest of its
 * turn with the same instance, on the closing thread.
 */
final class TurnCompletion {

	private final Set<String> pendingTasks = new HashSet<>();

	private boolean taskEndedSinceInit;

	/**
	 * Follows one message of the turn.
	 * @param message the message
	 * @return {@code true} when the message is the result that ends the turn
	 */
	synchronized boolean isTurnEnd(ClaudeMessage message) {
		if (message instanceof SystemMessage system && system.subtype() != null) {
			switch (system.subtype()) {
				case "init" -> this.taskEndedSinceInit = false;
				case "task_started" -> {
					if (system.raw().path("is_backgrounded").asBoolean(false)) {
						add(system.field("task_id"));
					}
				}
				case "task_updated" -> {
					if (system.raw().path("patch").path("is_backgrounded").asBoolean(false)) {
						add(system.field("task_id"));
					}
				}
				case "task_notification" -> {
					String taskId = system.field("task_id");
					if (taskId != null && this.pendingTasks.remove(taskId)) {
						this.taskEndedSinceInit = true;
					}
				}
				default -> {
				}
			}
		}
		return message instanceof ResultMessage && this.pendingTasks.isEmpty() && !this.taskEndedSinceInit;
	}

	private void add(String taskId) {
		if (taskId != null) {
			this.pendingTasks.add(taskId);
		}
	}

}
