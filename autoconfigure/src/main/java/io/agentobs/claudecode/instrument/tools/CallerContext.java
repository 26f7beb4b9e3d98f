package io.agentobs.claudecode.instrument.tools;

import java.util.Map;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.MDC;

/**
 * The context of the thread that started an agent run, to run its Java tools in: every
 * thread-local that Micrometer's context propagation knows (the current observation, Spring
 * Security's {@code SecurityContext} when Spring Security is present, the application's own
 * accessors) and the SLF4J MDC.
 */
final class CallerContext {

	private static final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

	private final ContextSnapshot snapshot;

	private final Map<String, String> mdc;

	private CallerContext(ContextSnapshot snapshot, Map<String, String> mdc) {
		this.snapshot = snapshot;
		this.mdc = mdc;
	}

	/**
	 * Captures the current thread's context.
	 * @return the context
	 */
	static CallerContext capture() {
		return new CallerContext(snapshots.captureAll(), MDC.getCopyOfContextMap());
	}

	/**
	 * Sets this context on the current thread until the scope is closed, which restores what
	 * the thread had.
	 * @return the scope
	 */
	Scope open() {
		Map<String, String> previousMdc = MDC.getCopyOfContextMap();
		ContextSnapshot.Scope threadLocals = this.snapshot.setThreadLocals();
		setMdc(this.mdc);
		return () -> {
			setMdc(previousMdc);
			threadLocals.close();
		};
	}

	private static void setMdc(Map<String, String> values) {
		if (values != null) {
			MDC.setContextMap(values);
		}
		else {
			MDC.clear();
		}
	}

	/**
	 * A context set on a thread.
	 */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
