package io.agentobs.claudecode.instrument.client;

import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.control.ClaudeHook;
import io.agentobs.claudecode.client.control.HookEvent;
import io.agentobs.claudecode.client.control.HookInput;
import io.agentobs.claudecode.client.control.HookOutput;

/**
 * The instrumentation's own hooks ({@code sentry.claude-code.tool-timing-hooks}): after
 * every tool call the CLI tells them the tool's own run time ({@code duration_ms}) and, when
 * it failed, why; they change nothing. {@link ControlEventRecorder} records what they are
 * told on the call's span instead of listing them as hooks of the application.
 */
final class ToolTimingHooks {

	private static final List<ClaudeHook> HOOKS = List.of(new TimingHook(HookEvent.POST_TOOL_USE),
			new TimingHook(HookEvent.POST_TOOL_USE_FAILURE));

	private ToolTimingHooks() {
	}

	/**
	 * The options with the timing hooks added after the caller's hooks.
	 * @param options the options
	 * @return the options with the hooks
	 */
	static ClaudeCodeOptions addTo(ClaudeCodeOptions options) {
		List<ClaudeHook> hooks = new ArrayList<>();
		if (options.getHooks() != null) {
			hooks.addAll(options.getHooks());
		}
		hooks.addAll(HOOKS);
		return options.toBuilder().hooks(hooks).build();
	}

	/**
	 * Whether a hook is one of the timing hooks.
	 * @param hook the hook
	 * @return {@code true} for a timing hook
	 */
	static boolean isTimingHook(ClaudeHook hook) {
		return hook instanceof TimingHook;
	}

	private record TimingHook(HookEvent event) implements ClaudeHook {

		@Override
		public HookOutput handle(HookInput input) {
			return HookOutput.proceed();
		}

	}

}
