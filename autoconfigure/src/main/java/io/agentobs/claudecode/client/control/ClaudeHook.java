package io.agentobs.claudecode.client.control;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A hook the CLI calls back ({@code hook_callback}) at one {@link HookEvent}: registered with
 * the CLI through {@code initialize}, called on a worker thread of the client, never on the
 * thread that reads the CLI's output. A hook that throws or exceeds its timeout lets the
 * agent go on (as {@link HookOutput#proceed()}), with one log line.
 */
public interface ClaudeHook {

	/**
	 * The event the hook handles.
	 * @return the event
	 */
	HookEvent event();

	/**
	 * Which calls of the event reach the hook: for tool events a tool-name pattern of the CLI
	 * (e.g. {@code Bash}, {@code Write|Edit}, {@code mcp__app__.*}).
	 * @return the matcher, {@code null} for all
	 */
	default String matcher() {
		return null;
	}

	/**
	 * How long the hook may take.
	 * @return the timeout, {@code null} for the client's default
	 */
	default Duration timeout() {
		return null;
	}

	/**
	 * Handles one call.
	 * @param input what the CLI tells
	 * @return the answer, never {@code null}
	 */
	HookOutput handle(HookInput input);

	/**
	 * A hook from a function.
	 * @param event the event
	 * @param matcher the matcher, {@code null} for all
	 * @param handler the function
	 * @return the hook
	 */
	static ClaudeHook of(HookEvent event, String matcher, Function<HookInput, HookOutput> handler) {
		Objects.requireNonNull(event, "event");
		Objects.requireNonNull(handler, "handler");
		return new ClaudeHook() {

			@Override
			public HookEvent event() {
				return event;
			}

			@Override
			public String matcher() {
				return matcher;
			}

			@Override
			public HookOutput handle(HookInput input) {
				return handler.apply(input);
			}

			@Override
			public String toString() {
				return "ClaudeHook[" + event.wireName() + ((matcher != null) ? ", " + matcher : "") + "]";
			}

		};
	}

}
