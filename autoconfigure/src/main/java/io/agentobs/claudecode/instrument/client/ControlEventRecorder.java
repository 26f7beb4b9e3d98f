package io.agentobs.claudecode.instrument.client;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.agentobs.claudecode.client.control.ClaudeControlListener;
import io.agentobs.claudecode.client.control.ClaudeHook;
import io.agentobs.claudecode.client.control.HookEvent;
import io.agentobs.claudecode.client.control.HookInput;
import io.agentobs.claudecode.client.control.HookOutput;
import io.agentobs.claudecode.client.control.PermissionDecision;
import io.agentobs.claudecode.client.control.PermissionRequest;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.run.AgentRunEvents;
import io.agentobs.claudecode.run.AgentRunEvents.HookCalled;
import io.agentobs.claudecode.run.AgentRunEvents.PermissionDecided;
import io.agentobs.claudecode.run.AgentRunEvents.ToolExecution;

/**
 * Records what the client answered to the CLI's control requests into the run in progress:
 * permission decisions and hook callbacks (a {@code PreToolUse} hook that blocks is the
 * call's permission decision too). Called on the client's control workers.
 */
final class ControlEventRecorder implements ClaudeControlListener {

	private final Supplier<AgentRunEvents> events;

	/**
	 * Creates a recorder.
	 * @param events the events of the run in progress, {@code null} when there is none
	 */
	ControlEventRecorder(Supplier<AgentRunEvents> events) {
		this.events = events;
	}

	@Override
	public void permissionDecided(PermissionRequest request, PermissionDecision decision, long waitedNanos) {
		record("recording a permission decision",
				(events) -> events.permissionDecided(new PermissionDecided(request.toolUseId(), decision.outcome(),
						decision.getSource().value(), TimeUnit.NANOSECONDS.toMillis(waitedNanos))));
	}

	@Override
	public void hookCalled(ClaudeHook hook, HookInput input, HookOutput output, Throwable failure,
			long durationNanos) {
		if (ToolTimingHooks.isTimingHook(hook)) {
			record("recording a tool's execution time", (events) -> events.toolExecuted(new ToolExecution(
					input.toolUseId(), input.durationMillis(), input.error())));
			return;
		}
		String outcome = (failure != null) ? "error" : output.outcome();
		record("recording a hook callback", (events) -> {
			events.hookCalled(new HookCalled(input.toolUseId(), hook.event().wireName(), outcome,
					TimeUnit.NANOSECONDS.toMillis(durationNanos)));
			if (hook.event() == HookEvent.PRE_TOOL_USE && failure == null && output.getBlockReason() != null) {
				events.permissionDecided(new PermissionDecided(input.toolUseId(), "deny",
						PermissionDecision.Source.HOOK.value(), null));
			}
		});
	}

	private void record(String what, Consumer<AgentRunEvents> event) {
		AgentRunEvents events = this.events.get();
		if (events != null) {
			InstrumentationFailures.run(what, () -> event.accept(events));
		}
	}

}
