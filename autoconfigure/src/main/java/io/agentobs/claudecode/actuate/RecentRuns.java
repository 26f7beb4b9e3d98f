package io.agentobs.claudecode.actuate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last finished runs, at most a fixed number: adding one beyond it drops the oldest.
 * Not thread-safe: {@link AgentRunRegistry} guards it.
 */
final class RecentRuns {

	private final int capacity;

	private final Deque<TrackedRun> runs = new ArrayDeque<>();

	RecentRuns(int capacity) {
		this.capacity = capacity;
	}

	void add(TrackedRun run) {
		this.runs.addLast(run);
		while (this.runs.size() > this.capacity) {
			this.runs.removeFirst();
		}
	}

	/**
	 * The kept runs, most recent first.
	 * @return the runs
	 */
	List<TrackedRun> mostRecentFirst() {
		List<TrackedRun> runs = new ArrayList<>(this.runs.size());
		this.runs.descendingIterator().forEachRemaining(runs::add);
		return runs;
	}

	/**
	 * The kept run with the given id.
	 * @param id the run's id
	 * @return the run, or {@code null} when it is not kept
	 */
	TrackedRun find(String id) {
		for (TrackedRun run : this.runs) {
			if (run.id().equals(id)) {
				return run;
			}
		}
		return null;
	}

}
