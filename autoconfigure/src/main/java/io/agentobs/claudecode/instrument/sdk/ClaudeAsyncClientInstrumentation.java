package io.agentobs.claudecode.instrument.sdk;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Consumer;

import io.agentobs.claudecode.instrument.AgentClientInstrumentation;
import io.micrometer.observation.Observation;
import org.aopalliance.intercept.MethodInvocation;
import org.springaicommunity.claude.agent.sdk.ClaudeAsyncClient;
import org.springaicommunity.claude.agent.sdk.DefaultClaudeAsyncClient;
import org.springaicommunity.claude.agent.sdk.types.Message;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Instruments {@link ClaudeAsyncClient} beans of the claude-code-sdk. The turn specs of
 * {@code connect(prompt)} and {@code query(prompt)} (and the deprecated shortcuts built on
 * them) observe a turn per subscription; so does {@code receiveResponse()}. Handlers given
 * to {@code onMessage} and {@code onResult} run on the SDK's reader thread inside the open
 * turn's observation scope. Subscribing to {@code close()} ends an open turn.
 */
class ClaudeAsyncClientInstrumentation implements AgentClientInstrumentation {

	private static final Set<String> OBSERVED_METHODS = Set.of("connect", "query", "receiveResponse",
			"connectAndReceive", "queryAndReceive", "connectText", "queryText", "onMessage", "onResult", "close",
			"disconnect");

	private final ClaudeAgentSdkSessions sessions;

	ClaudeAsyncClientInstrumentation(ClaudeAgentSdkSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public boolean supports(Class<?> beanClass) {
		return ClaudeAsyncClient.class.isAssignableFrom(beanClass);
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		return OBSERVED_METHODS.contains(method.getName())
				&& !("connect".equals(method.getName()) && method.getParameterCount() == 0);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (!(invocation.getThis() instanceof ClaudeAsyncClient client)) {
			return invocation.proceed();
		}
		ClaudeAgentSdkSession session = this.sessions.of(client);
		Object[] arguments = invocation.getArguments();
		String prompt = (arguments.length > 0 && arguments[0] instanceof String text) ? text : null;
		String model = (client instanceof DefaultClaudeAsyncClient sdkClient) ? sdkClient.getCurrentModel() : null;
		return switch (invocation.getMethod().getName()) {
			case "connect" -> turn(client.connect(prompt), client, session, prompt, model);
			case "query" -> turn(client.query(prompt), client, session, prompt, model);
			case "connectAndReceive" -> turn(client.connect(prompt), client, session, prompt, model).messages();
			case "queryAndReceive" -> turn(client.query(prompt), client, session, prompt, model).messages();
			case "connectText" -> turn(client.connect(prompt), client, session, prompt, model).textStream();
			case "queryText" -> turn(client.query(prompt), client, session, prompt, model).textStream();
			case "receiveResponse" ->
				ObservedTurnSpec.observe((Flux<Message>) invocation.proceed(), client, session, null, model);
			case "onMessage", "onResult" -> handler(invocation, arguments, session);
			default -> ((Mono<Void>) invocation.proceed()).doOnSubscribe((subscription) -> session.closing());
		};
	}

	private static ClaudeAsyncClient.TurnSpec turn(ClaudeAsyncClient.TurnSpec turn, ClaudeAsyncClient client,
			ClaudeAgentSdkSession session, String prompt, String model) {
		return new ObservedTurnSpec(turn, client, session, prompt, model);
	}

	/** Registers the user's handler so that it runs in the scope of the open turn. */
	private static Object handler(MethodInvocation invocation, Object[] arguments, ClaudeAgentSdkSession session)
			throws Throwable {
		if (arguments[0] instanceof Consumer<?> handler) {
			Consumer<Object> delegate = (Consumer<Object>) handler;
			arguments[0] = (Consumer<Object>) (message) -> {
				Observation turn = session.openTurnObservation();
				if (turn != null) {
					turn.scoped(() -> delegate.accept(message));
				}
				else {
					delegate.accept(message);
				}
			};
		}
		Object result = invocation.proceed();
		return (result == invocation.getThis()) ? proxyOrResult(invocation, result) : result;
	}

	private static Object proxyOrResult(MethodInvocation invocation, Object result) {
		return (invocation instanceof org.springframework.aop.ProxyMethodInvocation proxied) ? proxied.getProxy()
				: result;
	}

}
