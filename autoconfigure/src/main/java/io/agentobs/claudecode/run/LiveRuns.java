package io.agentobs.claudecode.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The runs in progress, each with the context of the thread that started it: how a tool the
 * application runs itself (a Java tool, called by the agent on another thread) finds the run
 * it belongs to and the caller's context to run in.
 */
public final class LiveRuns {

	private final Supplier<?> callerContext;

	private final Predicate<String> runByHost;

	private final Map<AgentRunRecorder, Object> runs = Collections.synchronizedMap(new WeakHashMap<>());

	/**
	 * Creates the registry.
	 * @param callerContext captures the context of the thread that starts a run, called on
	 * that thread
	 * @param runByHost whether the application runs the tool of the given name itself
	 */
	public LiveRuns(Supplier<?> callerContext, Predicate<String> runByHost) {
		this.callerContext = callerContext;
		this.runByHost = runByHost;
	}

	/**
	 * Whether the application runs the tool of the given name itself, so that its calls are
	 * timed by the application's run of them.
	 * @param toolName the tool name as the model knows it
	 * @return {@code true} for a tool the application runs
	 */
	boolean isRunByHost(String toolName) {
		return this.runByHost.test(toolName);
	}

	/**
	 * Registers a run that starts now, on the caller's thread.
	 * @param recorder the run's recorder
	 */
	void started(AgentRunRecorder recorder) {
		this.runs.put(recorder, this.callerContext.get());
	}

	/**
	 * The run a tool call belongs to: the run the call is known to, else the newest run of the
	 * session (the agent's report of the call may arrive after the call).
	 * @param toolUseId the tool call id, may be {@code null}
	 * @param sessionId the session id, may be {@code null}
	 * @return the run, {@code null} when none is found
	 */
	public LiveRun find(String toolUseId, String sessionId) {
		List<Map.Entry<AgentRunRecorder, Object>> live;
		synchronized (this.runs) {
			this.runs.keySet().removeIf(AgentRunRecorder::isFinished);
			live = new ArrayList<>(this.runs.entrySet());
		}
		LiveRun ofSession = null;
		for (Map.Entry<AgentRunRecorder, Object> run : live) {
			if (toolUseId != null && run.getKey().hasToolCall(toolUseId)) {
				return new LiveRun(run.getKey(), run.getValue());
			}
			if (sessionId != null && sessionId.equals(run.getKey().conversationId())) {
				ofSession = new LiveRun(run.getKey(), run.getValue());
			}
		}
		return ofSession;
	}

	/**
	 * A run in progress.
	 *
	 * @param recorder the run's recorder
	 * @param callerContext the context of the thread that started it
	 */
	public record LiveRun(AgentRunRecorder recorder, Object callerContext) {
	}

}
