package io.agentobs.claudecode.instrument.tools;

import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.LiveRuns;
import io.agentobs.claudecode.run.LiveRuns.LiveRun;
import io.agentobs.claudecode.tools.ToolCall;
import io.agentobs.claudecode.tools.ToolCallInterceptor;
import io.micrometer.observation.Observation;

/**
 * Runs each Java tool call inside its agent run: with the context of the thread that started
 * the run (trace, MDC, security context), as the {@code execute_tool} span of its tool-use id,
 * current while the tool runs, so that what the tool observes nests under it. The span ends
 * when the tool returns, with what it threw as its error.
 */
public final class ObservedToolCallInterceptor implements ToolCallInterceptor {

	private final LiveRuns liveRuns;

	/**
	 * Creates the interceptor.
	 * @param liveRuns the runs in progress
	 */
	public ObservedToolCallInterceptor(LiveRuns liveRuns) {
		this.liveRuns = liveRuns;
	}

	/**
	 * A registry of live runs that captures the context this interceptor restores, for the
	 * tools of the given in-process server.
	 * @param serverName the name of the server whose tools the application runs
	 * @return a new registry
	 */
	public static LiveRuns liveRuns(String serverName) {
		String prefix = "mcp__" + serverName + "__";
		return new LiveRuns(CallerContext::capture, (toolName) -> toolName.startsWith(prefix));
	}

	@Override
	public String intercept(ToolCall call, ToolInvocation invocation) throws Exception {
		LiveRun run = this.liveRuns.find(call.toolUseId(), call.sessionId());
		if (run == null || !(run.callerContext() instanceof CallerContext callerContext)) {
			return invocation.proceed();
		}
		AgentRunRecorder recorder = run.recorder();
		String toolUseId = call.toolUseId();
		try (CallerContext.Scope caller = callerContext.open()) {
			Observation observation = started(recorder, call);
			String result;
			try (Observation.Scope scope = (observation != null) ? observation.openScope() : null) {
				result = invocation.proceed();
			}
			catch (Exception | Error ex) {
				InstrumentationFailures.run("recording a failed Java tool call",
						() -> recorder.toolExecutionFinished(toolUseId, null, ex));
				throw ex;
			}
			InstrumentationFailures.run("recording a Java tool call",
					() -> recorder.toolExecutionFinished(toolUseId, result, null));
			return result;
		}
	}

	private static Observation started(AgentRunRecorder recorder, ToolCall call) {
		Observation[] observation = new Observation[1];
		InstrumentationFailures.run("starting a Java tool call", () -> {
			recorder.toolExecutionStarted(call.toolUseId(), call.qualifiedName());
			observation[0] = recorder.toolObservation(call.toolUseId());
		});
		return observation[0];
	}

}
