package io.agentobs.claudecode.client.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentobs.claudecode.client.ClaudeCodeControlException;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeProcessException;
import io.agentobs.claudecode.client.message.ControlMessage;
import io.agentobs.claudecode.client.message.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control protocol of one CLI process, both ways. Requests this client sends are
 * correlated with their answers by request id, with a timeout; requests the CLI sends
 * ({@code can_use_tool}, {@code hook_callback}, {@code mcp_message}) are answered by a
 * bounded pool of worker threads, so the thread that reads the CLI's output only hands them
 * over; {@code control_cancel_request} withdraws one. All writes go through the process's
 * serialized stdin writer. Closing the channel fails what is pending and ends the workers.
 * See {@code docs/cli-protocol.md}, "The control-protocol engine".
 */
final class ControlChannel {

	private static final Logger logger = LoggerFactory.getLogger(ControlChannel.class);

	/**
	 * Times the requests of every process's handlers; an answered request's timer is removed
	 * at once.
	 */
	private static final ScheduledThreadPoolExecutor TIMEOUTS = timeouts();

	static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private static final int MAX_WORKERS = 8;

	private static final int MAX_QUEUED_REQUESTS = 256;

	private final Consumer<String> writer;

	private final StreamJsonInput input;

	private final Duration requestTimeout;

	private final ControlRequestHandlers handlers;

	private final ThreadPoolExecutor workers;

	private final Map<String, Outgoing> outgoing = new ConcurrentHashMap<>();

	private final Map<String, InboundRequest> inbound = new ConcurrentHashMap<>();

	private volatile boolean closed;

	private volatile CompletableFuture<JsonNode> initialization;

	/**
	 * Creates the channel of a process.
	 * @param writer writes one line to the CLI's stdin, serialized, throws
	 * {@link ClaudeCodeProcessException} when the process has ended
	 * @param input builds the lines
	 * @param options the options of the process
	 * @param sessionId the CLI's session id, as known
	 * @param name names the worker threads, e.g. the process id
	 */
	ControlChannel(Consumer<String> writer, StreamJsonInput input, ClaudeCodeOptions options,
			Supplier<String> sessionId, String name) {
		this.writer = writer;
		this.input = input;
		this.requestTimeout = (options.getControlRequestTimeout() != null) ? options.getControlRequestTimeout()
				: DEFAULT_REQUEST_TIMEOUT;
		this.handlers = new ControlRequestHandlers(options, sessionId);
		AtomicInteger threads = new AtomicInteger();
		this.workers = new ThreadPoolExecutor(MAX_WORKERS, MAX_WORKERS, 2, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(MAX_QUEUED_REQUESTS), (runnable) -> {
					Thread thread = new Thread(runnable, "claude-code-control-" + name + "-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.workers.allowCoreThreadTimeOut(true);
	}

	/**
	 * Whether the CLI may send requests this channel answers (a permission handler, hooks or
	 * in-process MCP servers are set).
	 * @return {@code true} when the CLI may ask
	 */
	boolean answersRequests() {
		return this.handlers.answersRequests();
	}

	/**
	 * Sends {@code initialize} when the options need it (hooks or in-process MCP servers),
	 * without waiting for the answer.
	 */
	void initialize() {
		ObjectNode request = this.handlers.initializeRequest();
		if (request != null) {
			this.initialization = send(request);
		}
	}

	/**
	 * The CLI's answer to {@code initialize}, waiting for it when it is due.
	 * @return the answer, {@code null} when no {@code initialize} was sent
	 * @throws ClaudeCodeControlException when the CLI refused it, did not answer in time or
	 * ended
	 */
	JsonNode initializeResponse() {
		CompletableFuture<JsonNode> initialization = this.initialization;
		return (initialization != null) ? await("initialize", initialization) : null;
	}

	/**
	 * Sends a request and waits for its answer.
	 * @param subtype the request's subtype
	 * @param fields the request's other fields, may be {@code null}
	 * @return the answer's {@code response} body (an empty object when it has none)
	 * @throws ClaudeCodeControlException when the CLI refused it, did not answer in time or
	 * ended
	 */
	JsonNode request(String subtype, Map<String, ?> fields) {
		ObjectNode request = Json.mapper().createObjectNode().put("subtype", subtype);
		if (fields != null) {
			fields.forEach((name, value) -> request.set(name, Json.mapper().valueToTree(value)));
		}
		return await(subtype, send(request));
	}

	/**
	 * Sends a request without waiting for its answer.
	 * @param request the request body, with its {@code subtype}
	 * @return the answer's {@code response} body, to come
	 */
	CompletableFuture<JsonNode> send(ObjectNode request) {
		String subtype = request.path("subtype").asText();
		if (this.closed) {
			return CompletableFuture.failedFuture(ended(subtype));
		}
		String requestId = this.input.nextRequestId();
		CompletableFuture<JsonNode> answer = new CompletableFuture<>();
		this.outgoing.put(requestId, new Outgoing(subtype, answer));
		try {
			this.writer.accept(this.input.controlRequest(requestId, request));
		}
		catch (ClaudeCodeProcessException ex) {
			this.outgoing.remove(requestId);
			answer.completeExceptionally(new ClaudeCodeControlException(subtype,
					"Could not send control request '" + subtype + "' to the Claude Code CLI", ex));
		}
		if (this.closed) {
			// Closed while sending: nothing will answer
			failOutgoing(requestId);
		}
		return answer;
	}

	private JsonNode await(String subtype, CompletableFuture<JsonNode> answer) {
		try {
			return answer.get(this.requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new ClaudeCodeControlException(subtype, "The Claude Code CLI did not answer control request '"
					+ subtype + "' within " + this.requestTimeout, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof ClaudeCodeControlException failure) {
				throw new ClaudeCodeControlException(subtype, failure.getMessage(), failure);
			}
			throw new ClaudeCodeControlException(subtype, "Control request '" + subtype + "' failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ClaudeCodeControlException(subtype,
					"Interrupted while waiting for the answer to control request '" + subtype + "'", ex);
		}
	}

	/**
	 * Takes a control line from the CLI, on the thread that reads its output: an answer
	 * completes the request it answers, a request goes to a worker, a cancel withdraws one.
	 * Never blocks.
	 * @param message the line
	 */
	void accept(ControlMessage message) {
		if (message.isRequest()) {
			receive(message);
		}
		else if (ControlMessage.RESPONSE.equals(message.type())) {
			complete(message);
		}
		else if (ControlMessage.CANCEL_REQUEST.equals(message.type())) {
			InboundRequest request = (message.requestId() != null) ? this.inbound.get(message.requestId()) : null;
			if (request != null) {
				request.cancel();
			}
			else {
				logger.debug("Claude Code CLI cancelled control request {}, which is not pending", message.requestId());
			}
		}
	}

	private void complete(ControlMessage message) {
		Outgoing request = (message.requestId() != null) ? this.outgoing.remove(message.requestId()) : null;
		if (request == null) {
			logger.debug("Ignoring the Claude Code CLI's answer to unknown control request {}", message.requestId());
			return;
		}
		if (message.isErrorResponse() || !"success".equals(message.subtype())) {
			String error = message.error();
			request.answer.completeExceptionally(new ClaudeCodeControlException(request.subtype,
					"The Claude Code CLI refused control request '" + request.subtype + "': "
							+ ((error != null) ? error : "no reason given"),
					null));
			return;
		}
		JsonNode body = message.raw().path("response").path("response");
		request.answer.complete(body.isObject() ? body : Json.mapper().createObjectNode());
	}

	private void receive(ControlMessage message) {
		if (message.requestId() == null) {
			logger.debug("Ignoring a control request without request id from the Claude Code CLI");
			return;
		}
		InboundRequest request = new InboundRequest(message, System.nanoTime());
		if (this.closed) {
			return;
		}
		this.inbound.put(message.requestId(), request);
		try {
			this.workers.execute(request);
		}
		catch (RejectedExecutionException ex) {
			// Only when the queue is full or the channel closed: answer at once, still off no worker
			this.inbound.remove(message.requestId());
			request.fail("Too many control requests pending in the client");
		}
	}

	/**
	 * Fails the requests that wait for an answer and ends the workers; a request still being
	 * handled is interrupted and never answered. Called when the process ended.
	 */
	void close() {
		this.closed = true;
		new ArrayList<>(this.outgoing.keySet()).forEach(this::failOutgoing);
		new ArrayList<>(this.inbound.values()).forEach(InboundRequest::cancel);
		this.workers.shutdownNow();
	}

	private void failOutgoing(String requestId) {
		Outgoing request = this.outgoing.remove(requestId);
		if (request != null) {
			request.answer.completeExceptionally(ended(request.subtype));
		}
	}

	private static ClaudeCodeControlException ended(String subtype) {
		return new ClaudeCodeControlException(subtype,
				"The Claude Code CLI ended before it answered control request '" + subtype + "'", null);
	}

	private void write(String line) {
		try {
			this.writer.accept(line);
		}
		catch (ClaudeCodeProcessException ex) {
			// The process is ending; whoever waits notices through its end
		}
	}

	private record Outgoing(String subtype, CompletableFuture<JsonNode> answer) {
	}

	private static ScheduledThreadPoolExecutor timeouts() {
		ScheduledThreadPoolExecutor timeouts = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "claude-code-request-timeouts");
			thread.setDaemon(true);
			return thread;
		});
		timeouts.setRemoveOnCancelPolicy(true);
		return timeouts;
	}

	/**
	 * A request from the CLI, answered once: by its handler, its timeout or an error, unless
	 * the CLI withdrew it first.
	 */
	final class InboundRequest implements Runnable {

		private final ControlMessage message;

		private final long arrivedNanos;

		private boolean answered;

		private Thread worker;

		private ScheduledFuture<?> timeout;

		InboundRequest(ControlMessage message, long arrivedNanos) {
			this.message = message;
			this.arrivedNanos = arrivedNanos;
		}

		ControlMessage message() {
			return this.message;
		}

		JsonNode body() {
			return this.message.raw().path("request");
		}

		long arrivedNanos() {
			return this.arrivedNanos;
		}

		@Override
		public void run() {
			synchronized (this) {
				if (this.answered) {
					return;
				}
				this.worker = Thread.currentThread();
			}
			try {
				ControlChannel.this.handlers.handle(this);
				if (!isAnswered()) {
					fail("The client gave no answer to control request '" + this.message.subtype() + "'");
				}
			}
			catch (RuntimeException | Error ex) {
				fail(ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
			}
			finally {
				synchronized (this) {
					this.worker = null;
					// A cancel's interrupt must not reach the worker's next request
					Thread.interrupted();
				}
				ControlChannel.this.inbound.remove(this.message.requestId());
			}
		}

		/**
		 * Answers the request with a success.
		 * @param response the answer's {@code response} body
		 * @return {@code false} when it was answered or withdrawn before
		 */
		boolean answer(JsonNode response) {
			return answer(response, null);
		}

		/**
		 * Answers the request with a success, telling first who records the answer: the CLI
		 * goes on as soon as it reads the answer (a tool's result may end its span), so what is
		 * recorded about the answer must be recorded before.
		 * @param response the answer's {@code response} body
		 * @param beforeWrite told once the answer is claimed and before it is written, may be
		 * {@code null}
		 * @return {@code false} when it was answered or withdrawn before
		 */
		boolean answer(JsonNode response, Runnable beforeWrite) {
			if (!claim()) {
				return false;
			}
			if (beforeWrite != null) {
				beforeWrite.run();
			}
			write(ControlChannel.this.input.controlSuccess(this.message.requestId(), response));
			return true;
		}

		/**
		 * Answers the request with an error.
		 * @param error what went wrong
		 * @return {@code false} when it was answered or withdrawn before
		 */
		boolean fail(String error) {
			if (!claim()) {
				return false;
			}
			logger.debug("Answering control request '{}' of the Claude Code CLI with an error: {}",
					this.message.subtype(), error);
			write(ControlChannel.this.input.controlError(this.message.requestId(), error));
			return true;
		}

		/**
		 * Runs an action once the request has waited unanswered for a time, on a pool thread
		 * (never the timer's); the timer is cancelled, and what the action holds released, as
		 * soon as the request is answered or withdrawn.
		 * @param after how long the request may wait
		 * @param action what answers it then
		 */
		synchronized void onTimeout(Duration after, Runnable action) {
			if (!this.answered) {
				this.timeout = TIMEOUTS.schedule(() -> ForkJoinPool.commonPool().execute(action), after.toMillis(),
						TimeUnit.MILLISECONDS);
			}
		}

		/**
		 * Withdraws the request: it is never answered and its handler is interrupted.
		 */
		synchronized void cancel() {
			if (!this.answered) {
				this.answered = true;
				cancelTimeout();
				if (this.worker != null) {
					this.worker.interrupt();
				}
			}
			ControlChannel.this.inbound.remove(this.message.requestId());
		}

		/**
		 * Interrupts the handler that still works on a request answered by its timeout.
		 */
		synchronized void interruptWorker() {
			if (this.worker != null) {
				this.worker.interrupt();
			}
		}

		synchronized boolean isAnswered() {
			return this.answered;
		}

		private synchronized boolean claim() {
			if (this.answered) {
				return false;
			}
			this.answered = true;
			cancelTimeout();
			return true;
		}

		private void cancelTimeout() {
			if (this.timeout != null) {
				this.timeout.cancel(false);
				this.timeout = null;
			}
		}

	}

}
