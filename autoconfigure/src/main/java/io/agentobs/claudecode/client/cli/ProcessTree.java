package io.agentobs.claudecode.client.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Kills a process and its descendants: a polite signal first, then a forcible one for
 * those still running after a short grace. Descendants that outlived their parent (and were
 * re-parented) are found by a marker variable in their environment, which every process the
 * client starts passes on to its children.
 */
final class ProcessTree {

	/** The environment variable that marks the processes of one CLI process tree. */
	static final String MARKER_VARIABLE = "CLAUDE_CODE_CLIENT_PROCESS_TREE";

	private static final long GRACE_MILLIS = 1000;

	private static final Path PROC = Path.of("/proc");

	/** Ends trees off the caller's thread; its threads end when idle for a second. */
	private static final Executor ENDER = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS,
			new SynchronousQueue<>(), (runnable) -> {
				Thread thread = new Thread(runnable, "claude-code-process-ender");
				thread.setDaemon(true);
				return thread;
			});

	private static final int ORPHAN_LOOKS = 3;

	private ProcessTree() {
	}

	/**
	 * Ends the process tree; returns once it has ended or the graces have passed.
	 * @param process the root of the tree
	 * @param marker the value of {@link #MARKER_VARIABLE} in the tree's environment
	 */
	static void destroy(Process process, String marker) {
		// Snapshot first: descendants are re-parented once their parent dies
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		tree.add(process.toHandle());
		marked(marker).filter((handle) -> !tree.contains(handle)).forEach(tree::add);
		destroy(tree);
	}

	/**
	 * Ends, on another thread, the processes of a tree whose root has exited: its
	 * descendants, re-parented, are found by their marker.
	 * @param marker the value of {@link #MARKER_VARIABLE} in the tree's environment
	 * @return completes once they have ended or the graces have passed
	 */
	static CompletableFuture<Void> destroyOrphans(String marker) {
		return inBackground(() -> {
			// A process caught between fork and exec, or forked while the others end, shows up
			// on a later look: look again until none is left
			for (int look = 0; look < ORPHAN_LOOKS; look++) {
				List<ProcessHandle> orphans = marked(marker).filter(ProcessTree::isRunning).toList();
				if (orphans.isEmpty()) {
					return;
				}
				destroy(orphans);
			}
		});
	}

	/**
	 * Runs a destruction off the caller's thread.
	 * @param destruction what to run
	 * @return completes when it has run
	 */
	static CompletableFuture<Void> inBackground(Runnable destruction) {
		return CompletableFuture.runAsync(destruction, ENDER);
	}

	private static void destroy(List<ProcessHandle> tree) {
		tree.forEach(ProcessHandle::destroy);
		awaitEnd(tree);
		tree.stream().filter(ProcessTree::isRunning).forEach(ProcessHandle::destroyForcibly);
		awaitEnd(tree);
	}

	/**
	 * The processes whose environment carries the marker (on Linux; none elsewhere).
	 * @param marker the value of {@link #MARKER_VARIABLE}
	 * @return the marked processes
	 */
	static Stream<ProcessHandle> marked(String marker) {
		if (!Files.isDirectory(PROC)) {
			return Stream.empty();
		}
		byte[] entry = (MARKER_VARIABLE + "=" + marker + "\0").getBytes(StandardCharsets.UTF_8);
		long self = ProcessHandle.current().pid();
		return ProcessHandle.allProcesses()
			.filter((handle) -> handle.pid() != self && environmentContains(handle.pid(), entry));
	}

	private static boolean environmentContains(long pid, byte[] entry) {
		byte[] environment;
		try {
			environment = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
		outer: for (int start = 0; start <= environment.length - entry.length; start++) {
			if (start > 0 && environment[start - 1] != 0) {
				continue;
			}
			for (int i = 0; i < entry.length; i++) {
				if (environment[start + i] != entry[i]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
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

	private static void awaitEnd(List<ProcessHandle> tree) {
		try {
			// onExit() of a process that is not our child polls slowly: check often instead
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
			while (tree.stream().anyMatch(ProcessTree::isRunning) && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
