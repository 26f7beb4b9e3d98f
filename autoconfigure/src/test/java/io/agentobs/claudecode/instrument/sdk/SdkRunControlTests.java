package io.agentobs.claudecode.instrument.sdk;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentRunControl;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springaicommunity.claude.agent.sdk.ClaudeAsyncClient;
import org.springaicommunity.claude.agent.sdk.ClaudeSyncClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The {@link AgentRunControl} that an SDK client's turn carries stops it with the client's own
 * {@code interrupt()} and {@code close()}, and the turn ends as interrupted.
 */
class SdkRunControlTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	@AfterEach
	void everyObservationStoppedOnce() {
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
	}

	@Test
	void syncTurnIsInterruptedThenClosedByItsControl() {
		ClaudeSyncClient target = mock(ClaudeSyncClient.class);
		ClaudeSyncClient client = SdkClients.proxy(target, ClaudeSyncClient.class, this.registry);
		client.connect("work");
		AgentRunControl control = agent().getRunControl();
		control.interrupt();
		verify(target).interrupt();
		verify(target, never()).close();
		assertThat(this.tree.notStoppedExactlyOnce()).isNotEmpty();
		control.close();
		verify(target).close();
		assertThat(agent().getErrorType()).isEqualTo("interrupted");
	}

	@Test
	void asyncTurnIsInterruptedThenClosedByItsControl() {
		ClaudeAsyncClient target = mock(ClaudeAsyncClient.class);
		ClaudeAsyncClient.TurnSpec turn = mock(ClaudeAsyncClient.TurnSpec.class);
		given(target.connect("work")).willReturn(turn);
		given(turn.messages()).willReturn(Flux.never());
		given(target.interrupt()).willReturn(Mono.empty());
		given(target.close()).willReturn(Mono.empty());
		ClaudeAsyncClient client = SdkClients.proxy(target, ClaudeAsyncClient.class, this.registry);
		Disposable subscription = client.connect("work").messages().subscribe();
		AgentRunControl control = agent().getRunControl();
		control.interrupt();
		verify(target).interrupt();
		verify(target, never()).close();
		control.close();
		verify(target).close();
		assertThat(agent().getErrorType()).isEqualTo("interrupted");
		subscription.dispose();
	}

	private AgentInvocationObservationContext agent() {
		return this.tree.contexts(AgentInvocationObservationContext.class).get(0);
	}

}
