package io.agentobs.claudecode.client.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeProcessException;
import io.agentobs.claudecode.client.ClaudeMessageListener;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import io.agentobs.claudecode.client.message.ControlMessage;
import io.agentobs.claudecode.client.message.StreamJsonLimitException;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.client.message.UnknownMessage;
import io.agentobs.claudecode.session.SessionMirrorWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Claude Code CLI process: its stdout lines parsed into a queue by a daemon
 * reader thread (control lines go to its {@link ControlChannel}, not to the queue), its
 * stderr tail, its stdin, and the killing of the process tree. The queue is bounded unless
 * the CLI may send requests the client answers: then the reader must keep reading whatever
 * the consumer's pace, or a request behind a full queue would never be answered.
 */
final class ClaudeCliProcess {

	private static final Logger logger = LoggerFactory.getLogger(ClaudeCliProcess.class);

	private static final int QUEUE_CAPACITY = 256;

	private static final String TRANSCRIPT_MIRROR = "transcript_mirror";

	private static final long EXIT_GRACE_MILLIS = 2000;

	private final Process process;

	private final StreamJsonInput input;

	private final StreamJsonLimits limits;

	private final ClaudeMessageParser parser;

	private final BlockingQueue<ClaudeMessage> messages;

	private final CompletableFuture<Integer> terminated = new CompletableFuture<>();

	private final StderrTail stderr;

	private final Writer stdin;

	private final Thread reader;

	private volatile long linesRead;

	private volatile boolean delivering;

	private volatile String readFailure;

	private final String treeMarker;

	private final ClaudeMessageListener listener;

	private final ControlChannel control;

	private final SessionMirrorWriter mirror;

	private volatile String sessionId;

	private ClaudeCliProcess(Process process, StreamJsonLimits limits, String treeMarker,
			ClaudeCodeOptions options, String resumedSessionId, SessionMirrorWriter mirror) {
		this.process = process;
		this.sessionId = resumedSessionId;
		this.mirror = mirror;
		this.treeMarker = treeMarker;
		this.input = new StreamJsonInput();
		this.limits = limits;
		this.parser = limits.parser();
		this.listener = options.getMessageListener();
		this.control = new ControlChannel(this::write, this.input, options, () -> this.sessionId,
				String.valueOf(process.pid()));
		this.messages = this.control.answersRequests() ? new LinkedBlockingQueue<>()
				: new ArrayBlockingQueue<>(QUEUE_CAPACITY);
		this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		this.stderr = new StderrTail(process.getErrorStream(), "claude-code-stderr-" + process.pid());
		this.reader = new Thread(this::readStdout, "claude-code-stdout-" + process.pid());
		this.reader.setDaemon(true);
		this.reader.start();
		// Descendants that outlive the CLI would hold its output open and keep running
		process.onExit()
			.thenCompose((exited) -> ProcessTree.destroyOrphans(treeMarker))
			.whenComplete((ended, failure) -> watchReader(-1));
	}

	/**
	 * Starts the CLI.
	 * @param command the executable and its arguments
	 * @param options the working directory, the message listener and the control handlers
	 * @param resumedSessionId the session resumed, may be {@code null}
	 * @param environment the variables added to the inherited environment
	 * @param limits the largest line read
	 * @param mirror takes the {@code transcript_mirror} frames, may be {@code null}
	 * @return the started process
	 */
	static ClaudeCliProcess start(List<String> command, ClaudeCodeOptions options, String resumedSessionId,
			Map<String, String> environment, StreamJsonLimits limits, SessionMirrorWriter mirror) {
		Path workingDirectory = options.getWorkingDirectory();
		ProcessBuilder builder = new ProcessBuilder(command);
		if (workingDirectory != null) {
			builder.directory(workingDirectory.toFile());
		}
		builder.environment().putAll(environment);
		String treeMarker = UUID.randomUUID().toString();
		builder.environment().put(ProcessTree.MARKER_VARIABLE, treeMarker);
		try {
			return new ClaudeCliProcess(builder.start(), limits, treeMarker, options, resumedSessionId, mirror);
		}
		catch (IOException ex) {
			throw new ClaudeCodeProcessException("Could not start the Claude Code CLI " + command.get(0), null,
					List.of(), ex);
		}
	}

	private void readStdout() {
		try (Reader stdout = new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8)) {
			StreamJsonLineReader lines = new StreamJsonLineReader(stdout, this.limits.maxLineLength());
			String line;
			while ((line = lines.readLine()) != null) {
				if (!line.isBlank()) {
					accept(this.parser.parse(line));
				}
				this.linesRead++;
			}
		}
		catch (StreamJsonLineReader.LineTooLongException ex) {
			stopReading(this.limits.lineTooLong(ex.length()));
		}
		catch (StreamJsonLimitException ex) {
			stopReading(this.limits.lineOverLimit(ex));
		}
		catch (IOException ex) {
			// stdout was closed because the process ended
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		try {
			this.process.waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		markTerminated();
	}

	/**
	 * Stops a run whose output cannot be read: a line it cannot deliver must not be skipped
	 * silently, so the process ends and the run fails with the reason.
	 */
	private void stopReading(String reason) {
		this.readFailure = reason;
		ProcessTree.destroy(this.process, this.treeMarker);
	}

	/**
	 * Ends the output when the CLI has exited but its stdout stays open (a descendant holds
	 * it): once the reader made no progress for a grace period and is not handing over a
	 * line, the output is over.
	 * @param linesSeen the lines read at the previous check, {@code -1} at the first
	 */
	private void watchReader(long linesSeen) {
		if (this.terminated.isDone()) {
			return;
		}
		long lines = this.linesRead;
		if (lines == linesSeen && !this.delivering) {
			markTerminated();
			return;
		}
		CompletableFuture.delayedExecutor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS)
			.execute(() -> watchReader(lines));
	}

	private void accept(ClaudeMessage message) throws InterruptedException {
		if (message instanceof ControlMessage control) {
			this.control.accept(control);
			return;
		}
		if (message instanceof SystemMessage system && system.isInit() && system.sessionId() != null) {
			this.sessionId = system.sessionId();
		}
		if (message instanceof UnknownMessage unknown && TRANSCRIPT_MIRROR.equals(unknown.type())) {
			// Never a message of the run: the entries are read and stored on the writer's thread
			if (this.mirror != null) {
				handOver(unknown);
			}
			return;
		}
		this.delivering = true;
		try {
			if (this.listener != null) {
				MessageListenerFailures.call(this.listener, message);
			}
			this.messages.put(message);
		}
		finally {
			this.delivering = false;
		}
	}

	private void handOver(UnknownMessage frame) {
		try {
			this.mirror.enqueue(frame.raw().path("filePath").asText(), frame.raw().path("entries"));
		}
		catch (RuntimeException ex) {
			logger.warn("Dropping a transcript mirror frame that could not be read: {}", ex.toString());
		}
	}

	/**
	 * Adds a message the client made, such as a {@code mirror_error}, to the run's messages
	 * without waiting: dropped when the queue is full.
	 * @param message the message
	 */
	void offer(ClaudeMessage message) {
		this.messages.offer(message);
	}

	/**
	 * Runs an action once the output has ended (every line read) or the reader stopped, on a
	 * thread of its own.
	 * @param action the action
	 */
	void onOutputEnd(Runnable action) {
		this.terminated.whenCompleteAsync((exit, failure) -> action.run(), (task) -> {
			Thread thread = new Thread(task, "claude-code-output-end-" + this.process.pid());
			thread.setDaemon(true);
			thread.start();
		});
	}

	private void markTerminated() {
		this.control.close();
		this.stderr.awaitEnd(EXIT_GRACE_MILLIS);
		this.terminated.complete(this.process.isAlive() ? null : this.process.exitValue());
	}

	/**
	 * The lines of this process's stdin protocol.
	 * @return the protocol
	 */
	StreamJsonInput input() {
		return this.input;
	}

	/**
	 * The control protocol of this process.
	 * @return the channel
	 */
	ControlChannel control() {
		return this.control;
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * Runs an action once the process has exited, on a thread of the process's exit
	 * handling.
	 * @param action the action, such as deleting a file the process read
	 */
	void onExit(Runnable action) {
		this.process.onExit().thenRun(action);
	}

	/**
	 * Takes the next message.
	 * @param timeoutMillis the longest to wait
	 * @return the message or {@code null} when none arrived in time
	 * @throws InterruptedException when the caller is interrupted
	 */
	ClaudeMessage poll(long timeoutMillis) throws InterruptedException {
		return this.messages.poll(timeoutMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Whether the output has ended: every message the CLI wrote is queued and it exited.
	 * @return {@code true} once the process is over
	 */
	boolean isTerminated() {
		return this.terminated.isDone();
	}

	/**
	 * Waits until the output has ended and the process exited.
	 * @param timeoutMillis the longest to wait
	 * @return {@code true} when it ended in time
	 */
	boolean awaitTermination(long timeoutMillis) {
		try {
			this.terminated.get(timeoutMillis, TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Describes the end of a process that stopped too early.
	 * @param message what went wrong
	 * @return the exception, with exit code and stderr tail
	 */
	ClaudeCodeProcessException failure(String message) {
		String readFailure = this.readFailure;
		return new ClaudeCodeProcessException((readFailure != null) ? readFailure : message, exitCode(),
				this.stderr.lines(), null);
	}

	/**
	 * Writes one line to stdin.
	 * @param line a JSON line without line break
	 */
	synchronized void write(String line) {
		try {
			this.stdin.write(line);
			this.stdin.write('\n');
			this.stdin.flush();
		}
		catch (IOException ex) {
			throw new ClaudeCodeProcessException("Could not write to the Claude Code CLI", exitCode(),
					this.stderr.lines(), ex);
		}
	}

	private Integer exitCode() {
		return this.process.isAlive() ? null : this.process.exitValue();
	}

	/**
	 * Closes stdin, which tells the CLI to exit once it is done, and kills the process tree
	 * if it is still alive after a grace period. Does not block.
	 */
	synchronized void closeInput() {
		try {
			this.stdin.close();
		}
		catch (IOException ex) {
			// Already closed by the process's end
		}
		this.process.onExit()
			.completeOnTimeout(null, EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS)
			.thenRun(() -> {
				if (this.process.isAlive()) {
					destroy();
				}
			});
	}

	/**
	 * Ends the process and its descendants, and stops reading from it.
	 */
	void destroy() {
		this.control.close();
		ProcessTree.destroy(this.process, this.treeMarker);
		this.reader.interrupt();
		synchronized (this) {
			try {
				this.stdin.close();
			}
			catch (IOException ex) {
				// Already closed
			}
		}
	}

}
