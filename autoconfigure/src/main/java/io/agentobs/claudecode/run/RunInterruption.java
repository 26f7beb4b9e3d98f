package io.agentobs.claudecode.run;

import java.util.function.Supplier;

import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentRunControl;
import io.agentobs.claudecode.observation.AgentRunFailedException;
import io.micrometer.observation.Observation;

/**
 * The {@link AgentRunControl} of a recorded run: marks the run as interrupted in its recorder,
 * then stops it with the client's own interrupt or close.
 */
public final class RunInterruption implements AgentRunControl {

	private final AgentRunRecorder recorder;

	private final Runnable interrupt;

	private final Runnable close;

	private final Supplier<Object> contextUsage;

	private final Supplier<Object> mcpServerStatus;

	private RunInterruption(AgentRunRecorder recorder, Runnable interrupt, Runnable close,
			Supplier<Object> contextUsage, Supplier<Object> mcpServerStatus) {
		this.recorder = recorder;
		this.interrupt = interrupt;
		this.close = close;
		this.contextUsage = contextUsage;
		this.mcpServerStatus = mcpServerStatus;
	}

	/**
	 * Puts a control on the run's {@code invoke_agent} context. The actions must not reference
	 * the object the user holds (see {@link AbandonedRunCleaner}).
	 * @param recorder the run's recorder, started
	 * @param interrupt asks the client to stop the turn
	 * @param close closes the client's run
	 */
	public static void attach(AgentRunRecorder recorder, Runnable interrupt, Runnable close) {
		attach(recorder, interrupt, close, () -> null, () -> null);
	}

	/**
	 * Puts a control on the run's {@code invoke_agent} context that can also report the
	 * agent's context usage and MCP servers. The actions must not reference the object the
	 * user holds (see {@link AbandonedRunCleaner}).
	 * @param recorder the run's recorder, started
	 * @param interrupt asks the client to stop the turn
	 * @param close closes the client's run
	 * @param contextUsage asks the agent for its context usage (plain maps and lists)
	 * @param mcpServerStatus asks the agent for its MCP servers' status (plain maps and lists)
	 */
	public static void attach(AgentRunRecorder recorder, Runnable interrupt, Runnable close,
			Supplier<Object> contextUsage, Supplier<Object> mcpServerStatus) {
		InstrumentationFailures.run("attaching the control of an agent run", () -> {
			Observation agent = recorder.agentObservation();
			if (agent != null && agent.getContext() instanceof AgentInvocationObservationContext context) {
				context.setRunControl(new RunInterruption(recorder, interrupt, close, contextUsage, mcpServerStatus));
			}
		});
	}

	@Override
	public Object contextUsage() {
		return this.recorder.isFinished() ? null : this.contextUsage.get();
	}

	@Override
	public Object mcpServerStatus() {
		return this.recorder.isFinished() ? null : this.mcpServerStatus.get();
	}

	@Override
	public void interrupt() {
		if (!this.recorder.isFinished()) {
			this.recorder.interruptRequested();
			this.interrupt.run();
		}
	}

	@Override
	public void close() {
		if (!this.recorder.isFinished()) {
			this.recorder.interruptRequested();
			try {
				this.close.run();
			}
			finally {
				this.recorder.failed(new AgentRunFailedException(INTERRUPTED, "The agent run was closed on request"));
			}
		}
	}

}
