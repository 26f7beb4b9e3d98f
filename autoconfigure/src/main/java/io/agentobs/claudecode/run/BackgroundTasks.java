package io.agentobs.claudecode.run;

import java.util.HashSet;
import java.util.Set;

/**
 * The background tasks of a turn ({@code run_in_background} subagents and shell commands).
 * The CLI writes a first {@code result} while they run; when one ends it starts a follow-up
 * turn (a new {@code system/init}) that ends with another {@code result}. The turn is complete
 * at a result when no background task is pending and none ended since the last turn start.
 */
final class BackgroundTasks {

	private final Set<String> pending = new HashSet<>();

	private boolean endedSinceTurnStart;

	void started(String taskId) {
		if (taskId != null) {
			this.pending.add(taskId);
		}
	}

	void ended(String taskId) {
		if (taskId != null && this.pending.remove(taskId)) {
			this.endedSinceTurnStart = true;
		}
	}

	void turnStarted() {
		this.endedSinceTurnStart = false;
	}

	boolean isTurnComplete() {
		return this.pending.isEmpty() && !this.endedSinceTurnStart;
	}

}
