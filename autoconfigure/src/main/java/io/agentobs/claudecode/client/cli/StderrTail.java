package io.agentobs.claudecode.client.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Drains a process's stderr on its own daemon thread, keeping only the last lines (each
 * cut to a maximum length), so a flood of output never blocks the process nor fills the
 * heap.
 */
final class StderrTail {

	static final int MAX_LINES = 50;

	static final int MAX_LINE_LENGTH = 2000;

	private final Deque<String> lines = new ArrayDeque<>();

	private final Thread thread;

	StderrTail(InputStream stderr, String threadName) {
		this.thread = new Thread(() -> drain(stderr), threadName);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void drain(InputStream stderr) {
		try (Reader reader = new InputStreamReader(stderr, StandardCharsets.UTF_8)) {
			char[] buffer = new char[8192];
			StringBuilder line = new StringBuilder();
			int read;
			while ((read = reader.read(buffer)) != -1) {
				for (int i = 0; i < read; i++) {
					char c = buffer[i];
					if (c == '\n') {
						add(line);
						line.setLength(0);
					}
					else if (c != '\r' && line.length() < MAX_LINE_LENGTH) {
						line.append(c);
					}
				}
			}
			if (!line.isEmpty()) {
				add(line);
			}
		}
		catch (IOException ex) {
			// The stream was closed because the process ended
		}
	}

	private synchronized void add(CharSequence line) {
		if (this.lines.size() == MAX_LINES) {
			this.lines.removeFirst();
		}
		this.lines.addLast(line.toString());
	}

	/**
	 * The last lines read, oldest first.
	 * @return a snapshot of the tail
	 */
	synchronized List<String> lines() {
		return List.copyOf(this.lines);
	}

	/**
	 * Waits for the stream to end, so that the tail holds the process's last words.
	 * @param millis the longest to wait
	 */
	void awaitEnd(long millis) {
		try {
			this.thread.join(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
