package io.agentobs.claudecode.instrument.sdk;

import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Set;

import io.agentobs.claudecode.instrument.AgentClientInstrumentation;
import io.agentobs.claudecode.instrument.ObservedIterator;
import org.aopalliance.intercept.MethodInvocation;
import org.springaicommunity.claude.agent.sdk.ClaudeSyncClient;
import org.springaicommunity.claude.agent.sdk.parsing.ParsedMessage;
import org.springaicommunity.claude.agent.sdk.types.AssistantMessage;
import org.springaicommunity.claude.agent.sdk.types.Message;

/**
 * Instruments {@link ClaudeSyncClient} beans of the claude-code-sdk. A turn starts when a
 * prompt is sent ({@code connect}, {@code query}) and is recorded while the caller iterates
 * {@code receiveResponse()} or {@code messages()}; the convenience methods
 * ({@code queryAndReceive}, {@code connectAndReceive}, {@code queryText},
 * {@code connectText}) are observed the same way. Closing the client ends an open turn.
 */
class ClaudeSyncClientInstrumentation implements AgentClientInstrumentation {

	private static final Set<String> OBSERVED_METHODS = Set.of("connect", "query", "receiveResponse", "messages",
			"connectAndReceive", "queryAndReceive", "connectText", "queryText", "close", "disconnect");

	private final ClaudeAgentSdkSessions sessions;

	ClaudeSyncClientInstrumentation(ClaudeAgentSdkSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public boolean supports(Class<?> beanClass) {
		return ClaudeSyncClient.class.isAssignableFrom(beanClass);
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		return OBSERVED_METHODS.contains(method.getName());
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (!(invocation.getThis() instanceof ClaudeSyncClient client)) {
			return invocation.proceed();
		}
		ClaudeAgentSdkSession session = this.sessions.of(client);
		Object[] arguments = invocation.getArguments();
		String prompt = (arguments.length > 0 && arguments[0] instanceof String text) ? text : null;
		return switch (invocation.getMethod().getName()) {
			case "connect" -> send(invocation, client, session, (prompt != null) ? prompt : "Hello");
			case "query" -> send(invocation, client, session, prompt);
			case "receiveResponse" -> observe((Iterator<ParsedMessage>) invocation.proceed(), session);
			case "messages" -> observe((Iterable<Message>) invocation.proceed(), session);
			case "connectAndReceive", "queryAndReceive" -> receive(invocation, client, session, prompt);
			case "connectText", "queryText" -> text(receive(invocation, client, session, prompt));
			default -> {
				session.closing();
				yield invocation.proceed();
			}
		};
	}

	private Object send(MethodInvocation invocation, ClaudeSyncClient client, ClaudeAgentSdkSession session,
			String prompt) throws Throwable {
		ClaudeAgentSdkRun run = session.startTurn(client, prompt, client.getCurrentModel());
		try {
			return invocation.proceed();
		}
		catch (Throwable ex) {
			run.failed(ex);
			throw ex;
		}
	}

	/** Sends the prompt and reads the turn through the target, as the SDK's own method does. */
	private Iterable<Message> receive(MethodInvocation invocation, ClaudeSyncClient client,
			ClaudeAgentSdkSession session, String prompt) throws Throwable {
		boolean connect = invocation.getMethod().getName().startsWith("connect");
		ClaudeAgentSdkRun run = session.startTurn(client, prompt, client.getCurrentModel());
		try {
			if (connect) {
				client.connect(prompt);
			}
			else {
				client.query(prompt);
			}
			return observe(client.messages(), session);
		}
		catch (RuntimeException | Error ex) {
			run.failed(ex);
			throw ex;
		}
	}

	private static String text(Iterable<Message> messages) {
		StringBuilder text = new StringBuilder();
		for (Message message : messages) {
			if (message instanceof AssistantMessage assistant) {
				text.append(assistant.text());
			}
		}
		return text.toString();
	}

	private Iterator<ParsedMessage> observe(Iterator<ParsedMessage> messages, ClaudeAgentSdkSession session) {
		ClaudeAgentSdkRun run = session.openTurn();
		return (run != null) ? new ObservedIterator<>(messages, run.mapping(ParsedMessage::asMessage)) : messages;
	}

	private Iterable<Message> observe(Iterable<Message> messages, ClaudeAgentSdkSession session) {
		ClaudeAgentSdkRun run = session.openTurn();
		if (run == null) {
			return messages;
		}
		return () -> new ObservedIterator<>(messages.iterator(), run);
	}

}
