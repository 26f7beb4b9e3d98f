package io.agentobs.claudecode.instrument.client;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.ClaudeMessageListener;
import io.agentobs.claudecode.client.ClaudeProcessListener;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.control.ClaudeControlListener;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.instrument.AgentClientInstrumentation;
import io.agentobs.claudecode.instrument.AgentMessageAdapter;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * Instruments the project's own {@link ClaudeCodeClient}: every {@code query} becomes an
 * observed run whose CLI process gets the run's trace context, and every session observes
 * each of its turns.
 * <p>
 * The advice rewrites the call's options (the run's message listener and CLI environment)
 * and proceeds, so that every other advisor on the client bean (a user's aspect,
 * {@code @Retryable}, a rate limiter) still runs, once and in order. The overloads without
 * options are observed as the full overload, called through the proxy.
 */
public class ClaudeCodeClientInstrumentation implements AgentClientInstrumentation {

	private static final Set<String> OBSERVED_METHODS = Set.of("query", "openSession", "resumeSession");

	private static final Class<?>[] STRING = { String.class };

	private static final Class<?>[] OPTIONS = { ClaudeCodeOptions.class };

	private static final Class<?>[] STRING_AND_OPTIONS = { String.class, ClaudeCodeOptions.class };

	private final Supplier<AgentRunObservations> observations;

	private final AgentMessageAdapter<ClaudeMessage> adapter = new ClaudeCodeMessageAdapter();

	private final boolean toolTimingHooks;

	private final boolean processPerTurnSessions;

	/**
	 * Creates the instrumentation.
	 * @param observations supplies the run observations, resolved on first use
	 */
	public ClaudeCodeClientInstrumentation(Supplier<AgentRunObservations> observations) {
		this(observations, false, false);
	}

	/**
	 * Creates the instrumentation.
	 * @param observations supplies the run observations, resolved on first use
	 * @param toolTimingHooks whether hooks of the instrumentation give each tool call its own
	 * run time and failure reason (every run then registers them through {@code initialize})
	 * @param processPerTurnSessions whether sessions whose options leave it unset start a CLI
	 * process per turn, so that the CLI's own spans of each turn nest under that turn's span
	 * (with the CLI's telemetry on); never for a session that cannot resume its transcript
	 * ({@code persistSession} off, with or without a session store)
	 */
	public ClaudeCodeClientInstrumentation(Supplier<AgentRunObservations> observations, boolean toolTimingHooks,
			boolean processPerTurnSessions) {
		this.observations = observations;
		this.toolTimingHooks = toolTimingHooks;
		this.processPerTurnSessions = processPerTurnSessions;
	}

	@Override
	public boolean supports(Class<?> beanClass) {
		return ClaudeCodeClient.class.isAssignableFrom(beanClass);
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		return OBSERVED_METHODS.contains(method.getName())
				&& (ClaudeCodeRun.class == method.getReturnType() || ClaudeCodeSession.class == method.getReturnType());
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (!(invocation.getThis() instanceof ClaudeCodeClient client)
				|| !(invocation instanceof ProxyMethodInvocation call) || this.observations.get().isNoop()) {
			return invocation.proceed();
		}
		Object[] arguments = call.getArguments();
		Class<?>[] parameters = call.getMethod().getParameterTypes();
		String method = call.getMethod().getName();
		if ("query".equals(method) && Arrays.equals(parameters, STRING)) {
			return ((ClaudeCodeClient) call.getProxy()).query((String) arguments[0], null);
		}
		if ("query".equals(method) && Arrays.equals(parameters, STRING_AND_OPTIONS)) {
			return query(call, client, (String) arguments[0], (ClaudeCodeOptions) arguments[1]);
		}
		if ("openSession".equals(method) && parameters.length == 0) {
			return ((ClaudeCodeClient) call.getProxy()).openSession(null);
		}
		if ("openSession".equals(method) && Arrays.equals(parameters, OPTIONS)) {
			return openSession(call, client, 0);
		}
		if ("resumeSession".equals(method) && Arrays.equals(parameters, STRING_AND_OPTIONS)) {
			return openSession(call, client, 1);
		}
		Object result = invocation.proceed();
		if (result instanceof ClaudeCodeSession session) {
			ClaudeCodeOptions options = (arguments.length > 0
					&& arguments[arguments.length - 1] instanceof ClaudeCodeOptions last) ? last : null;
			return observe(session, effectiveOptions(client, options), null, null, isSessionStoreBacked(client));
		}
		return result;
	}

	private Object query(ProxyMethodInvocation call, ClaudeCodeClient client, String prompt,
			ClaudeCodeOptions options) throws Throwable {
		AgentRunObservations observations = this.observations.get();
		ClaudeCodeOptions effective = effectiveOptions(client, options);
		AgentRunRecorder recorder = observations.startRun(prompt, systemInstructions(options),
				(options != null) ? options.getModel() : null, new SessionCost(), effective.getEnvironment());
		InstrumentationFailures.run("recording what an agent run was asked", () -> recorder
			.requested(effective.getMaxBudgetUsd(), effective.getEffort(), effective.getFallbackModel()));
		recorder.agentContext().setSessionStoreBacked(isSessionStoreBacked(client));
		ArrivalRecorder arrivals = new ArrivalRecorder(this.adapter, recorder);
		call.setArguments(prompt,
				withControlListener(withProcessListener(withListener(options, arrivals),
						new RunProcessListener(observations, recorder)), new ControlEventRecorder(() -> recorder)));
		Object run;
		try {
			run = call.proceed();
		}
		catch (Throwable ex) {
			arrivals.promptFailed();
			InstrumentationFailures.run("ending a failed agent run", () -> recorder.failed(ex));
			throw ex;
		}
		arrivals.promptSent();
		if (!(run instanceof ClaudeCodeRun started)) {
			// An advisor after this one returned no run: nothing will ever end the observation
			InstrumentationFailures.run("ending an agent run that did not start", recorder::abandoned);
			return run;
		}
		return new ObservedClaudeCodeRun(started, this.adapter, recorder, arrivals);
	}

	/**
	 * Opens (or resumes) a session with a listener that reports its arriving messages to the
	 * turn in progress.
	 */
	private Object openSession(ProxyMethodInvocation call, ClaudeCodeClient client, int optionsIndex)
			throws Throwable {
		Object[] arguments = call.getArguments().clone();
		ClaudeCodeOptions options = (ClaudeCodeOptions) arguments[optionsIndex];
		SessionArrivalRouter arrivals = new SessionArrivalRouter();
		RunProcessListener processes = new RunProcessListener(this.observations.get());
		ClaudeCodeOptions effective = effectiveOptions(client, options);
		ClaudeCodeOptions observed = withControlListener(withProcessListener(withListener(options, arrivals), processes),
				new ControlEventRecorder(arrivals::currentEvents));
		arguments[optionsIndex] = withProcessPerTurnDefault(effective, observed);
		call.setArguments(arguments);
		Object session = call.proceed();
		return (session instanceof ClaudeCodeSession opened)
				? observe(opened, effective, arrivals, processes, isSessionStoreBacked(client))
				: session;
	}

	/**
	 * Wraps a session so that each turn is observed.
	 * @param session the session
	 * @param options the options the session runs with (the client's defaults and the call's)
	 * @param arrivals the listener the session's client reports arriving messages to, or
	 * {@code null} when the session was not opened with it
	 * @return the observed session
	 */
	private ClaudeCodeSession observe(ClaudeCodeSession session, ClaudeCodeOptions options,
			SessionArrivalRouter arrivals, RunProcessListener processes, boolean sessionStoreBacked) {
		AgentRunObservations observations = this.observations.get();
		return observations.isNoop() ? session
				: new ObservedClaudeCodeSession(session, observations, this.adapter, options, arrivals, processes,
						sessionStoreBacked);
	}

	/**
	 * A process per turn for a session whose options leave it unset, when this
	 * instrumentation asks for it and the session can resume its transcript.
	 * @param effective the options the session runs with (the client's and the call's)
	 * @param options the call's options, to add it to
	 */
	private ClaudeCodeOptions withProcessPerTurnDefault(ClaudeCodeOptions effective, ClaudeCodeOptions options) {
		if (!this.processPerTurnSessions) {
			return options;
		}
		// Without persistence the CLI neither keeps its transcript nor mirrors it to a store
		boolean resumable = !Boolean.FALSE.equals(effective.getPersistSession());
		if (effective.getProcessPerTurn() != null || !resumable) {
			return options;
		}
		return options.toBuilder().processPerTurn(true).build();
	}

	/**
	 * Adds a process listener; a listener the caller set is kept and called first.
	 */
	private static ClaudeCodeOptions withProcessListener(ClaudeCodeOptions options, ClaudeProcessListener listener) {
		ClaudeProcessListener existing = options.getProcessListener();
		return options.toBuilder()
			.processListener((existing != null) ? existing.andThen(listener) : listener)
			.build();
	}

	private static boolean isSessionStoreBacked(ClaudeCodeClient client) {
		return client instanceof CliClaudeCodeClient cli && cli.getSessionStore() != null;
	}

	/**
	 * The options a call runs with: the client's defaults (for this project's client)
	 * overridden by those of the call.
	 */
	private static ClaudeCodeOptions effectiveOptions(ClaudeCodeClient client, ClaudeCodeOptions options) {
		ClaudeCodeOptions defaults = (client instanceof CliClaudeCodeClient cliClient) ? cliClient.getDefaultOptions()
				: ClaudeCodeOptions.empty();
		return defaults.merge(options);
	}

	/**
	 * Adds a listener that gets each message as it arrives from the CLI; a listener the caller
	 * set is kept and called first.
	 */
	private static ClaudeCodeOptions withListener(ClaudeCodeOptions options, ClaudeMessageListener listener) {
		ClaudeCodeOptions.Builder builder = (options != null) ? options.toBuilder() : ClaudeCodeOptions.builder();
		ClaudeMessageListener existing = (options != null) ? options.getMessageListener() : null;
		return builder.messageListener((existing != null) ? existing.andThen(listener) : listener).build();
	}

	/**
	 * Adds a listener that records the client's answers to the CLI's control requests; a
	 * listener the caller set is kept and called first.
	 */
	private ClaudeCodeOptions withControlListener(ClaudeCodeOptions options, ClaudeControlListener listener) {
		ClaudeControlListener existing = options.getControlListener();
		ClaudeCodeOptions withListener = options.toBuilder()
			.controlListener((existing != null) ? existing.andThen(listener) : listener)
			.build();
		return this.toolTimingHooks ? ToolTimingHooks.addTo(withListener) : withListener;
	}

	private static String systemInstructions(ClaudeCodeOptions options) {
		if (options == null) {
			return null;
		}
		return (options.getSystemPrompt() != null) ? options.getSystemPrompt() : options.getAppendSystemPrompt();
	}

}
