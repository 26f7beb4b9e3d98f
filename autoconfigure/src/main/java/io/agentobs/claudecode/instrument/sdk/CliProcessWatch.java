package io.agentobs.claudecode.instrument.sdk;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import org.springaicommunity.claude.agent.sdk.transport.StreamingTransport;

import org.springframework.util.ReflectionUtils;

/**
 * Ends a turn with {@code error.type=cli_exited} when the SDK's CLI process exits before the
 * turn's result. The SDK 1.0.0 never completes its iterator or Flux in that case, so without
 * this the turn's observations would stay open forever.
 * <p>
 * The SDK does not expose its process: it is read from the client's
 * {@link StreamingTransport} field and that transport's {@link Process} field. The transport
 * exists only once the client has connected, so the lookup is retried until the turn ends.
 * After the exit the turn gets a grace period in which a consumer may still read the result
 * the CLI wrote before it exited.
 */
final class CliProcessWatch {

	private static final Duration LOOKUP_INTERVAL = Duration.ofMillis(200);

	private final Duration grace;

	CliProcessWatch(Duration grace) {
		this.grace = grace;
	}

	/**
	 * Watches the CLI process of the given client for the given turn.
	 * @param client the SDK client (the proxy's target)
	 * @param run the turn
	 */
	void watch(Object client, ClaudeAgentSdkRun run) {
		InstrumentationFailures.run("watching the Claude Code CLI process", () -> {
			if (run.isFinished()) {
				return;
			}
			Optional<Process> process = process(client);
			if (process.isPresent()) {
				process.get().onExit().thenRunAsync(() -> exited(process.get(), run), delayed(this.grace));
			}
			else {
				delayed(LOOKUP_INTERVAL).execute(() -> watch(client, run));
			}
		});
	}

	private void exited(Process process, ClaudeAgentSdkRun run) {
		run.failed("cli_exited", "The Claude Code CLI exited with code " + process.exitValue()
				+ " before the turn's result; the claude-code-sdk does not end its message stream in that case");
	}

	private static Executor delayed(Duration delay) {
		return CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	static Optional<Process> process(Object client) {
		return fieldValue(client, CliProcessWatch::transport).flatMap((transport) -> fieldValue(transport,
				(value) -> (value instanceof Process process) ? process : null));
	}

	/** The client's transport: a field of the sync client, an AtomicReference of the async one. */
	private static StreamingTransport transport(Object value) {
		if (value instanceof AtomicReference<?> reference) {
			value = reference.get();
		}
		return (value instanceof StreamingTransport transport) ? transport : null;
	}

	private static boolean mayHoldProcess(Field field) {
		Class<?> type = field.getType();
		return !Modifier.isStatic(field.getModifiers()) && (type == AtomicReference.class
				|| StreamingTransport.class.isAssignableFrom(type) || Process.class.isAssignableFrom(type));
	}

	private static <T> Optional<T> fieldValue(Object target, Function<Object, T> extractor) {
		AtomicReference<T> found = new AtomicReference<>();
		ReflectionUtils.doWithFields(target.getClass(), (field) -> {
			ReflectionUtils.makeAccessible(field);
			T value = extractor.apply(field.get(target));
			if (value != null) {
				found.compareAndSet(null, value);
			}
		}, CliProcessWatch::mayHoldProcess);
		return Optional.ofNullable(found.get());
	}

}
