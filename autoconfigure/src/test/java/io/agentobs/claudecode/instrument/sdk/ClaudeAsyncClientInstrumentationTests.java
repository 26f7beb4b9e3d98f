package io.agentobs.claudecode.instrument.sdk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springaicommunity.claude.agent.sdk.ClaudeAsyncClient;
import org.springaicommunity.claude.agent.sdk.types.Message;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Observes a {@link ClaudeAsyncClient} proxied with the advisor, its messages emitted on
 * another thread as the SDK's reader thread does.
 */
class ClaudeAsyncClientInstrumentationTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	private final ClaudeAsyncClient target = mock(ClaudeAsyncClient.class);

	private final ClaudeAsyncClient.TurnSpec turn = mock(ClaudeAsyncClient.TurnSpec.class);

	private final ClaudeAsyncClient client = SdkClients.proxy(this.target, ClaudeAsyncClient.class, this.registry);

	@AfterEach
	void everyObservationStoppedOnce() {
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
	}

	private void turnEmits(String transcript) {
		given(this.target.query(any())).willReturn(this.turn);
		given(this.target.connect(any(String.class))).willReturn(this.turn);
		given(this.turn.messages()).willReturn(Flux.defer(() -> Flux.fromIterable(SdkTranscripts.messages(transcript)))
			.publishOn(Schedulers.single()));
	}

	@Test
	void turnIsObservedPerSubscriptionUnderTheReactorContextObservation() {
		turnEmits("tool-call.jsonl");
		Observation request = Observation.createNotStarted("http.server.requests", this.registry)
			.contextualName("http.server.requests")
			.start();
		Flux<Message> messages = this.client.query("run a command").messages();
		assertThat(this.tree.render()).as("nothing before subscription").isEqualTo("http.server.requests\n");
		messages.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, request)).blockLast();
		messages.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, request)).blockLast();
		request.stop();
		assertThat(this.tree.render()).isEqualTo("""
				http.server.requests
				  invoke_agent claude-code
				    chat claude-sonnet-4-5
				    execute_tool Bash
				    chat claude-sonnet-4-5
				  invoke_agent claude-code
				    chat claude-sonnet-4-5
				    execute_tool Bash
				    chat claude-sonnet-4-5
				""");
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class))
			.extracting(AgentInvocationObservationContext::getPrompt)
			.containsExactly("run a command", "run a command");
	}

	@Test
	void textIsTheSdksTextAndTheTurnIsObserved() {
		turnEmits("tool-call.jsonl");
		String text = this.client.connect("run a command").text().block();
		assertThat(text).isEqualTo(SdkTranscripts.messages("tool-call.jsonl")
			.stream()
			.filter(org.springaicommunity.claude.agent.sdk.types.AssistantMessage.class::isInstance)
			.map((message) -> ((org.springaicommunity.claude.agent.sdk.types.AssistantMessage) message).text())
			.reduce("", String::concat));
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).getErrorType()).isNull();
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).getCostUsd()).isNotNull();
	}

	@Test
	void cancellingTheStreamEndsTheTurnWithoutError() {
		turnEmits("tool-call.jsonl");
		this.client.query("run").messages().take(3).blockLast();
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				""");
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).getErrorType()).isNull();
	}

	@Test
	void streamErrorFailsTheTurn() {
		given(this.target.query(any())).willReturn(this.turn);
		given(this.turn.messages()).willReturn(Flux.error(new IllegalStateException("Client is not connected")));
		this.client.query("run").messages().onErrorResume((ex) -> Flux.empty()).blockLast();
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).getErrorType())
			.isEqualTo("IllegalStateException");
	}

	@Test
	void subscribingToCloseEndsTheOpenTurnWithClientClosed() {
		given(this.target.query(any())).willReturn(this.turn);
		given(this.turn.messages()).willReturn(Flux.never());
		given(this.target.close()).willReturn(Mono.empty());
		this.client.query("run").messages().subscribe();
		this.client.close().block();
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).getErrorType())
			.isEqualTo("client_closed");
	}

	@Test
	void onMessageHandlersRunInTheOpenTurnsScope() {
		given(this.target.query(any())).willReturn(this.turn);
		given(this.turn.messages()).willReturn(Flux.never());
		given(this.target.onMessage(any())).willAnswer((invocation) -> {
			java.util.function.Consumer<Message> handler = invocation.getArgument(0);
			Schedulers.single().schedule(() -> handler.accept(SdkTranscripts.messages("tool-call.jsonl").get(0)));
			return this.target;
		});
		given(this.target.close()).willReturn(Mono.empty());
		List<Observation> current = new CopyOnWriteArrayList<>();
		reactor.core.Disposable subscription = this.client.query("run").messages().subscribe();
		ClaudeAsyncClient returned = this.client.onMessage((message) -> current.add(this.registry.getCurrentObservation()));
		org.awaitility.Awaitility.await().until(() -> !current.isEmpty());
		subscription.dispose();
		assertThat(returned).isSameAs(this.client);
		assertThat(current.get(0).getContext()).isInstanceOf(AgentInvocationObservationContext.class);
	}

}
