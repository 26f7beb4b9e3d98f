package io.agentobs.claudecode.client.control;

/**
 * Told what the client answers to the CLI's control requests, for telemetry: called on the
 * worker thread that answers, once the answer is settled and just before it is written (the
 * CLI goes on as soon as it reads it, and may end the tool call the answer concerns). Must be
 * quick; what it throws is logged and ignored.
 */
public interface ClaudeControlListener {

	/**
	 * A tool call was decided.
	 * @param request the tool call
	 * @param decision the decision sent to the CLI
	 * @param waitedNanos the time from the CLI's request to the decision
	 */
	default void permissionDecided(PermissionRequest request, PermissionDecision decision, long waitedNanos) {
	}

	/**
	 * A hook was called back.
	 * @param hook the hook
	 * @param input what the CLI told
	 * @param output what the hook answered ({@link HookOutput#proceed()} when it failed)
	 * @param failure what the hook threw, or a timeout, {@code null} when it answered
	 * @param durationNanos how long the hook took
	 */
	default void hookCalled(ClaudeHook hook, HookInput input, HookOutput output, Throwable failure,
			long durationNanos) {
	}

	/**
	 * A listener that tells this listener, then the other.
	 * @param other the listener to call second, may be {@code null}
	 * @return the combined listener
	 */
	default ClaudeControlListener andThen(ClaudeControlListener other) {
		if (other == null) {
			return this;
		}
		ClaudeControlListener first = this;
		return new ClaudeControlListener() {

			@Override
			public void permissionDecided(PermissionRequest request, PermissionDecision decision, long waitedNanos) {
				first.permissionDecided(request, decision, waitedNanos);
				other.permissionDecided(request, decision, waitedNanos);
			}

			@Override
			public void hookCalled(ClaudeHook hook, HookInput input, HookOutput output, Throwable failure,
					long durationNanos) {
				first.hookCalled(hook, input, output, failure, durationNanos);
				other.hookCalled(hook, input, output, failure, durationNanos);
			}

		};
	}

}
