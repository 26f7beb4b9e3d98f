package io.agentobs.claudecode.instrument.sdk;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import org.springaicommunity.claude.agent.sdk.transport.CLIOptions;
import org.springaicommunity.claude.agent.sdk.transport.StreamingTransport;

import org.springframework.util.ReflectionUtils;

/**
 * Every read of the claude-code-sdk's internals, in one place: its clients expose neither
 * their options nor their CLI process, so both are read from private fields by reflection
 * (the fields are found by type, not by name). Either read gives nothing when a later SDK
 * keeps them elsewhere, and the caller goes on without it.
 * <ul>
 * <li>{@link #environment}: the client's {@link CLIOptions} field, once per client (its
 * first turn), for the credentials to mask in recorded content.</li>
 * <li>{@link #process}: the client's {@link StreamingTransport} field (an
 * {@link AtomicReference} in the async client) and that transport's {@link Process} field,
 * tried every 200 ms until the client has connected, per turn.</li>
 * </ul>
 */
final class SdkClientInternals {

	private SdkClientInternals() {
	}

	/**
	 * The environment variables a client adds to its CLI process ({@link CLIOptions#getEnv()}).
	 * @param client the SDK client (the proxy's target)
	 * @return the variables, empty when they cannot be read
	 */
	static Map<String, String> environment(Object client) {
		Map<String, String> environment = new HashMap<>();
		InstrumentationFailures.run("reading the claude-code-sdk client's environment",
				() -> ReflectionUtils.doWithFields(client.getClass(), (field) -> {
					ReflectionUtils.makeAccessible(field);
					if (field.get(client) instanceof CLIOptions options && options.getEnv() != null) {
						environment.putAll(options.getEnv());
					}
				}, (field) -> !Modifier.isStatic(field.getModifiers()) && field.getType() == CLIOptions.class));
		return environment;
	}

	/**
	 * The CLI process of a client.
	 * @param client the SDK client (the proxy's target)
	 * @return the process, empty before the client has connected or when it cannot be read
	 */
	static Optional<Process> process(Object client) {
		return fieldValue(client, SdkClientInternals::transport).flatMap((transport) -> fieldValue(transport,
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
		}, SdkClientInternals::mayHoldProcess);
		return Optional.ofNullable(found.get());
	}

}
