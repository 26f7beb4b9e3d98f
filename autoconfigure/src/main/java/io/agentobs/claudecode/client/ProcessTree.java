package io.agentobs.claudecode.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills a process and its descendants: a polite signal first, then a forcible one for
 * those still running after a short grace.
 */
final class ProcessTree {

	private static final long GRACE_MILLIS = 1000;

	private ProcessTree() {
	}

	/**
	 * Ends the process tree; returns once it has ended or the graces have passed.
	 * @param process the root of the tree
	 */
	static void destroy(Process process) {
		// Snapshot first: descendants are re-parented once their parent dies
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		tree.add(process.toHandle());
		tree.forEach(ProcessHandle::destroy);
		awaitEnd(process, tree);
		tree.stream().filter(ProcessTree::isRunning).forEach(ProcessHandle::destroyForcibly);
		awaitEnd(process, tree);
	}

	/**
	 * Whether a process still runs. A killed descendant stays a zombie until its new parent
	 * reaps it (some container init processes never do), so on Linux zombies count as ended.
	 * @param handle the process
	 * @return {@code true} while the process runs
	 */
	static boolean isRunning(ProcessHandle handle) {
		if (!handle.isAlive()) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
			int end = stat.lastIndexOf(')');
			return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
		}
		catch (IOException | RuntimeException ex) {
			return handle.isAlive();
		}
	}

	private static void awaitEnd(Process process, List<ProcessHandle> tree) {
		try {
			// onExit() of a process that is not our child polls slowly: check often instead
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
			while (tree.stream().anyMatch(ProcessTree::isRunning) && System.nanoTime() < deadline) {
				process.waitFor(10, TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
