package io.agentobs.claudecode.actuate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.agentobs.claudecode.content.SecretMask;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentRunControl;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;

/**
 * Keeps the agent runs in progress and the last finished ones, built from their
 * {@code invoke_agent}, {@code chat} and {@code execute_tool} observations. A top-level
 * {@code invoke_agent} (one without an agent above it) is a run; every other agent
 * observation is a step of the run above it, nested like the trace.
 * <p>
 * Memory is bounded: runs in progress are as many as the application runs, finished runs
 * are kept up to {@code maxFinishedRuns} (oldest dropped first), and each run keeps at most
 * {@code maxStepsPerRun} steps in its timeline (later steps are counted, not kept). A
 * finished run keeps no observation context.
 * <p>
 * Observations start and stop under this registry's lock; a run in progress is described
 * from its live contexts (model, session, open model calls' tokens), which the agent's
 * thread may be updating: a reading may lag a message behind.
 */
public class AgentRunRegistry implements ObservationHandler<Observation.Context> {

	private static final int PROMPT_LENGTH = 200;

	private final int maxStepsPerRun;

	private final boolean recordPrompts;

	private final SpanIds.Resolver spanIds;

	private final Clock clock;

	private final Map<Observation.ContextView, TrackedRun> runsByContext = new IdentityHashMap<>();

	private final Map<Observation.ContextView, OpenStep> openSteps = new IdentityHashMap<>();

	private final Map<String, TrackedRun> running = new LinkedHashMap<>();

	private final RecentRuns finished;

	private final Map<String, Integer> runningByAgent = new LinkedHashMap<>();

	private final List<Consumer<String>> agentListeners = new CopyOnWriteArrayList<>();

	/**
	 * Creates a registry.
	 * @param maxFinishedRuns how many finished runs to keep
	 * @param maxStepsPerRun how many steps a run's timeline keeps
	 * @param recordPrompts whether runs keep their prompt (truncated)
	 * @param spanIds reads the ids of a run's span
	 * @param clock the clock for start and end times
	 */
	public AgentRunRegistry(int maxFinishedRuns, int maxStepsPerRun, boolean recordPrompts, SpanIds.Resolver spanIds,
			Clock clock) {
		this.finished = new RecentRuns(maxFinishedRuns);
		this.maxStepsPerRun = maxStepsPerRun;
		this.recordPrompts = recordPrompts;
		this.spanIds = spanIds;
		this.clock = clock;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return RunStep.kindOf(context) != null;
	}

	@Override
	public void onStart(Observation.Context context) {
		InstrumentationFailures.run("tracking an agent run", () -> started(context));
	}

	@Override
	public void onStop(Observation.Context context) {
		InstrumentationFailures.run("tracking an agent run", () -> stopped(context));
	}

	/**
	 * Calls the given listener with the name of each agent the first time one of its runs
	 * starts, and at once for the agents seen so far.
	 * @param listener the listener
	 */
	public void onNewAgent(Consumer<String> listener) {
		List<String> known;
		synchronized (this) {
			this.agentListeners.add(listener);
			known = new ArrayList<>(this.runningByAgent.keySet());
		}
		known.forEach(listener);
	}

	/**
	 * The number of runs of the given agent in progress.
	 * @param agentName the agent name
	 * @return the count
	 */
	public synchronized int runningCount(String agentName) {
		return this.runningByAgent.getOrDefault(agentName, 0);
	}

	/**
	 * The runs in progress, oldest first.
	 * @return their descriptions, without timelines
	 */
	public synchronized List<AgentRunDescriptor> running() {
		Instant now = this.clock.instant();
		List<AgentRunDescriptor> runs = new ArrayList<>();
		for (TrackedRun run : this.running.values()) {
			run.resolveSpanIds(this.spanIds);
			runs.add(run.describe(now, false));
		}
		return runs;
	}

	/**
	 * The finished runs kept, most recent first.
	 * @return their descriptions, without timelines
	 */
	public synchronized List<AgentRunDescriptor> finished() {
		Instant now = this.clock.instant();
		List<AgentRunDescriptor> runs = new ArrayList<>();
		for (TrackedRun run : this.finished.mostRecentFirst()) {
			runs.add(run.describe(now, false));
		}
		return runs;
	}

	/**
	 * One run with its step timeline; a run in progress also with its context usage and MCP
	 * servers, asked of its agent outside this registry's lock (the agent's output, which
	 * drives the observations, must never wait for the answer).
	 * @param id the run's id
	 * @return its description, or {@code null} when no such run is kept
	 */
	public AgentRunDescriptor run(String id) {
		AgentRunDescriptor descriptor;
		AgentRunControl control;
		synchronized (this) {
			TrackedRun run = find(id);
			if (run == null) {
				return null;
			}
			run.resolveSpanIds(this.spanIds);
			descriptor = run.describe(this.clock.instant(), true);
			control = this.running.containsKey(id) ? run.control() : null;
		}
		if (control == null) {
			return descriptor;
		}
		return descriptor.withAgentStatus(ask(control::contextUsage), ask(control::mcpServerStatus));
	}

	private static Object ask(Supplier<Object> status) {
		try {
			return status.get();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The run with the given id while it is in progress.
	 * @param id the run's id
	 * @return the run, or {@code null} when it is not in progress
	 */
	synchronized TrackedRun runningRun(String id) {
		return this.running.get(id);
	}

	private TrackedRun find(String id) {
		TrackedRun run = this.running.get(id);
		return (run != null) ? run : this.finished.find(id);
	}

	private synchronized void started(Observation.Context context) {
		Instant now = this.clock.instant();
		String kind = RunStep.kindOf(context);
		OpenStep parent = nearestOpenAncestor(context);
		TrackedRun parentRun = (parent != null) ? parent.run() : ancestorRun(context);
		if (parentRun == null) {
			if (context instanceof AgentInvocationObservationContext agent) {
				runStarted(agent, now);
			}
			return;
		}
		RunStep step = parentRun.stepStarted((parent != null) ? parent.step() : null, kind, context, now);
		this.openSteps.put(context, new OpenStep(parentRun, step));
	}

	private void runStarted(AgentInvocationObservationContext context, Instant now) {
		// Masked like recorded content: the credentials of the run's agent process never show
		String prompt = this.recordPrompts ? truncate(SecretMask.of(context, SecretMask.NONE).mask(context.getPrompt()))
				: null;
		TrackedRun run = new TrackedRun(UUID.randomUUID().toString(), context, now, this.maxStepsPerRun, prompt);
		this.runsByContext.put(context, run);
		this.running.put(run.id(), run);
		Integer previous = this.runningByAgent.put(run.agentName(),
				this.runningByAgent.getOrDefault(run.agentName(), 0) + 1);
		if (previous == null) {
			this.agentListeners.forEach((listener) -> InstrumentationFailures.run("registering an agent's meters",
					() -> listener.accept(run.agentName())));
		}
	}

	private synchronized void stopped(Observation.Context context) {
		Instant now = this.clock.instant();
		OpenStep step = this.openSteps.remove(context);
		if (step != null) {
			step.run().stepEnded(step.step(), now);
			return;
		}
		TrackedRun run = this.runsByContext.remove(context);
		if (run == null) {
			return;
		}
		run.resolveSpanIds(this.spanIds);
		this.openSteps.values().removeIf((open) -> open.run() == run);
		run.end(now);
		this.running.remove(run.id());
		this.runningByAgent.computeIfPresent(run.agentName(), (name, count) -> count - 1);
		this.finished.add(run);
	}

	private OpenStep nearestOpenAncestor(Observation.ContextView context) {
		for (ObservationView parent = context.getParentObservation(); parent != null;
				parent = parent.getContextView().getParentObservation()) {
			OpenStep step = this.openSteps.get(parent.getContextView());
			if (step != null) {
				return step;
			}
			if (this.runsByContext.containsKey(parent.getContextView())) {
				return null;
			}
		}
		return null;
	}

	private TrackedRun ancestorRun(Observation.ContextView context) {
		for (ObservationView parent = context.getParentObservation(); parent != null;
				parent = parent.getContextView().getParentObservation()) {
			TrackedRun run = this.runsByContext.get(parent.getContextView());
			if (run != null) {
				return run;
			}
		}
		return null;
	}

	private static String truncate(String prompt) {
		if (prompt == null || prompt.length() <= PROMPT_LENGTH) {
			return prompt;
		}
		return prompt.substring(0, PROMPT_LENGTH) + "…";
	}

	private record OpenStep(TrackedRun run, RunStep step) {
	}

}
