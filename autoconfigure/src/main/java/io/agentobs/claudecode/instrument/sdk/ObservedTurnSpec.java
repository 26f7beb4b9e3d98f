package io.agentobs.claudecode.instrument.sdk;

import io.agentobs.claudecode.observation.AgentErrorType;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springaicommunity.claude.agent.sdk.ClaudeAsyncClient;
import org.springaicommunity.claude.agent.sdk.types.AssistantMessage;
import org.springaicommunity.claude.agent.sdk.types.Message;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * A {@link ClaudeAsyncClient.TurnSpec} whose streams observe the turn once per subscription,
 * the way Spring AI's {@code DefaultChatClient} observes a streamed call: the turn starts on
 * subscribe as a child of the Reactor context's observation (or the current one), records
 * each message on the SDK's reader thread, and ends on complete, error or cancel.
 * {@code text()} and {@code textStream()} are derived from the observed messages exactly as
 * the SDK derives them.
 */
final class ObservedTurnSpec implements ClaudeAsyncClient.TurnSpec {

	private final ClaudeAsyncClient.TurnSpec delegate;

	private final Object client;

	private final ClaudeAgentSdkSession session;

	private final String prompt;

	private final String requestModel;

	ObservedTurnSpec(ClaudeAsyncClient.TurnSpec delegate, Object client, ClaudeAgentSdkSession session, String prompt,
			String requestModel) {
		this.delegate = delegate;
		this.client = client;
		this.session = session;
		this.prompt = prompt;
		this.requestModel = requestModel;
	}

	@Override
	public Mono<String> text() {
		return textStream().reduce(String::concat).defaultIfEmpty("");
	}

	@Override
	public Flux<String> textStream() {
		return messages().ofType(AssistantMessage.class).map(AssistantMessage::text).filter((text) -> !text.isEmpty());
	}

	@Override
	public Flux<Message> messages() {
		return observe(this.delegate.messages(), this.client, this.session, this.prompt, this.requestModel);
	}

	/**
	 * Observes one turn per subscription of the given messages.
	 * @param messages the turn's messages
	 * @param client the SDK client (the proxy's target)
	 * @param session the client's session
	 * @param prompt the prompt, may be {@code null} when unknown
	 * @param requestModel the requested model, may be {@code null}
	 * @return the observed messages
	 */
	static Flux<Message> observe(Flux<Message> messages, Object client, ClaudeAgentSdkSession session, String prompt,
			String requestModel) {
		return Flux.deferContextual((contextView) -> {
			Observation parent = contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			ClaudeAgentSdkRun run = session.startTurn(client, parent, prompt, requestModel);
			return messages.doOnNext(run::record).doOnError(run::failed).doFinally((signal) -> {
				if (signal == SignalType.CANCEL) {
					run.abandoned();
				}
				else {
					run.failed(AgentErrorType.NO_RESULT.value(), "The turn's messages ended without a result");
				}
			});
		});
	}

}
