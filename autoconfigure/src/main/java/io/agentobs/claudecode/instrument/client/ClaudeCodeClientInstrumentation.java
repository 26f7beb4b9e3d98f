package io.agentobs.claudecode.instrument.client;

import io.agentobs.claudecode.instrument.AgentClientInstrumentation;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.agentobs.claudecode.instrument.AgentMessageAdapter;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.ClaudeMessageListener;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.run.SessionCost;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Instruments the project's own {@link ClaudeCodeClient}: every {@code query} becomes an
 * observed run whose CLI process gets the run's trace context, and every session observes
 * each of its turns.
 */
public class ClaudeCodeClientInstrumentation implements AgentClientInstrumentation {

	private static final Set<String> OBSERVED_METHODS = Set.of("query", "openSession", "resumeSession");

	private final Supplier<AgentRunObservations> observations;

	private final AgentMessageAdapter<ClaudeMessage> adapter = new ClaudeCodeMessageAdapter();

	/**
	 * Creates the instrumentation.
	 * @param observations supplies the run observations, resolved on first use
	 */
	public ClaudeCodeClientInstrumentation(Supplier<AgentRunObservations> observations) {
		this.observations = observations;
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
		Object[] arguments = invocation.getArguments();
		if (!(invocation.getThis() instanceof ClaudeCodeClient client)) {
			return invocation.proceed();
		}
		if ("query".equals(invocation.getMethod().getName()) && arguments.length > 0
				&& arguments[0] instanceof String prompt) {
			ClaudeCodeOptions options = (arguments.length > 1) ? (ClaudeCodeOptions) arguments[1] : null;
			return query(client, prompt, options);
		}
		String method = invocation.getMethod().getName();
		if ("openSession".equals(method) && !this.observations.get().isNoop()) {
			ClaudeCodeOptions options = (arguments.length > 0) ? (ClaudeCodeOptions) arguments[0] : null;
			SessionArrivals arrivals = new SessionArrivals();
			return observe(client.openSession(withListener(options, arrivals)), cliEnvironment(client, options),
					arrivals);
		}
		if ("resumeSession".equals(method) && arguments.length == 2 && !this.observations.get().isNoop()) {
			ClaudeCodeOptions options = (ClaudeCodeOptions) arguments[1];
			SessionArrivals arrivals = new SessionArrivals();
			return observe(client.resumeSession((String) arguments[0], withListener(options, arrivals)),
					cliEnvironment(client, options), arrivals);
		}
		Object result = invocation.proceed();
		if (result instanceof ClaudeCodeSession session) {
			ClaudeCodeOptions options = (arguments.length > 0
					&& arguments[arguments.length - 1] instanceof ClaudeCodeOptions last) ? last : null;
			return observe(session, cliEnvironment(client, options));
		}
		return result;
	}

	private ClaudeCodeRun query(ClaudeCodeClient client, String prompt, ClaudeCodeOptions options) {
		AgentRunObservations observations = this.observations.get();
		if (observations.isNoop()) {
			return client.query(prompt, options);
		}
		AgentRunRecorder recorder = observations.startRun(prompt, systemInstructions(options),
				(options != null) ? options.getModel() : null, new SessionCost(), cliEnvironment(client, options));
		ArrivalRecorder arrivals = new ArrivalRecorder(this.adapter, recorder);
		ClaudeCodeOptions effective = withListener(withEnvironment(options, observations.cliEnvironment(recorder)),
				arrivals);
		ClaudeCodeRun run;
		try {
			run = client.query(prompt, effective);
		}
		catch (RuntimeException | Error ex) {
			InstrumentationFailures.run("ending a failed agent run", () -> recorder.failed(ex));
			throw ex;
		}
		return new ObservedClaudeCodeRun(run, this.adapter, recorder, arrivals);
	}

	/**
	 * Wraps a session so that each turn is observed.
	 * @param session the session
	 * @param cliEnvironment the variables the client adds to the CLI's environment
	 * @return the observed session
	 */
	ClaudeCodeSession observe(ClaudeCodeSession session, Map<String, String> cliEnvironment) {
		return observe(session, cliEnvironment, null);
	}

	private ClaudeCodeSession observe(ClaudeCodeSession session, Map<String, String> cliEnvironment,
			SessionArrivals arrivals) {
		AgentRunObservations observations = this.observations.get();
		return observations.isNoop() ? session
				: new ObservedClaudeCodeSession(session, observations, this.adapter, cliEnvironment, arrivals);
	}

	/**
	 * The variables the client adds to the CLI's environment: its defaults (for this
	 * project's client) and those of the call.
	 */
	private static Map<String, String> cliEnvironment(ClaudeCodeClient client, ClaudeCodeOptions options) {
		Map<String, String> environment = new HashMap<>();
		if (client instanceof CliClaudeCodeClient cliClient) {
			environment.putAll(cliClient.getDefaultOptions().getEnvironment());
		}
		if (options != null) {
			environment.putAll(options.getEnvironment());
		}
		return environment;
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

	private static String systemInstructions(ClaudeCodeOptions options) {
		if (options == null) {
			return null;
		}
		return (options.getSystemPrompt() != null) ? options.getSystemPrompt() : options.getAppendSystemPrompt();
	}

	private static ClaudeCodeOptions withEnvironment(ClaudeCodeOptions options, Map<String, String> environment) {
		if (environment.isEmpty()) {
			return options;
		}
		ClaudeCodeOptions.Builder builder = (options != null) ? options.toBuilder() : ClaudeCodeOptions.builder();
		Map<String, String> merged = new HashMap<>(environment);
		if (options != null && options.getEnvironment() != null) {
			merged.putAll(options.getEnvironment());
		}
		return builder.environment(merged).build();
	}

}
