package io.agentobs.claudecode.run;

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

	private RunInterruption(AgentRunRecorder recorder, Runnable interrupt, Runnable close) {
		this.recorder = recorder;
		this.interrupt = interrupt;
		this.close = close;
	}

	/**
	 * Puts a control on the run's {@code invoke_agent} context. The actions must not reference
	 * the object the user holds (see {@link AbandonedRunCleaner}).
	 * @param recorder the run's recorder, started
	 * @param interrupt asks the client to stop the turn
	 * @param close closes the client's run
	 */
	public static void attach(AgentRunRecorder recorder, Runnable interrupt, Runnable close) {
		InstrumentationFailures.run("attaching the control of an agent run", () -> {
			Observation agent = recorder.agentObservation();
			if (agent != null && agent.getContext() instanceof AgentInvocationObservationContext context) {
				context.setRunControl(new RunInterruption(recorder, interrupt, close));
			}
		});
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
