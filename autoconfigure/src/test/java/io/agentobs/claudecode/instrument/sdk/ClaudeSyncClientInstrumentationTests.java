package io.agentobs.claudecode.instrument.sdk;

import java.util.Iterator;
import java.util.List;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springaicommunity.claude.agent.sdk.ClaudeSyncClient;
import org.springaicommunity.claude.agent.sdk.types.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Observes a {@link ClaudeSyncClient} proxied with the advisor, fed with real CLI recordings
 * parsed by the SDK.
 */
class ClaudeSyncClientInstrumentationTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	private final ClaudeSyncClient target = mock(ClaudeSyncClient.class);

	private final ClaudeSyncClient client = SdkClients.proxy(this.target, ClaudeSyncClient.class, this.registry);

	@AfterEach
	void everyObservationStoppedOnce() {
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
	}

	@Test
	void toolCallTurnGivesChatToolChatWithoutWhatTheSdkDrops() {
		given(this.target.getCurrentModel()).willReturn("sonnet");
		given(this.target.messages()).willReturn(SdkTranscripts.messages("tool-call.jsonl"));
		this.client.connect("run a command");
		this.client.messages().forEach((message) -> {
		});
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat sonnet
				  execute_tool Bash
				  chat sonnet
				""");
		AgentInvocationObservationContext agent = this.tree.contexts(AgentInvocationObservationContext.class).get(0);
		assertThat(agent.getPrompt()).isEqualTo("run a command");
		assertThat(agent.getConversationId()).isEqualTo("16dcfd66-3edb-4e97-813c-25a11eb88497");
		assertThat(agent.getAvailableTools()).contains("Bash");
		assertThat(agent.getNumTurns()).isEqualTo(2);
		assertThat(agent.getCostUsd()).isEqualTo(0.0012417);
		assertThat(agent.getTotalUsage().inputTokens()).isEqualTo(224L);
		assertThat(agent.getTotalUsage().outputTokens()).isEqualTo(40L);
		assertThat(agent.getErrorType()).isNull();
		List<ChatObservationContext> chats = this.tree.contexts(ChatObservationContext.class);
		assertThat(chats).allSatisfy((chat) -> {
			assertThat(chat.getResponseId()).isNull();
			assertThat(chat.getResponseModel()).isNull();
			assertThat(chat.getUsage()).isNull();
			assertThat(chat.getFinishReasons()).isNullOrEmpty();
			assertThat(chat.getConversationId()).isEqualTo(agent.getConversationId());
		});
		assertThat(chats.get(0).getOutputParts()).hasSize(2).element(1).isInstanceOf(ChatOutputPart.ToolCall.class);
		ToolExecutionObservationContext tool = this.tree.contexts(ToolExecutionObservationContext.class).get(0);
		assertThat(tool.getToolCallId()).startsWith("toolu_");
		assertThat(tool.getArguments()).contains("echo hello-from-tool");
		assertThat(tool.getResult()).isEqualTo("hello-from-tool");
		assertThat(tool.getErrorType()).isNull();
	}

	@Test
	void chatModelComesFromSystemInitWhenNoModelIsRequested() {
		given(this.target.messages()).willReturn(SdkTranscripts.messages("tool-call.jsonl"));
		this.client.query("run a command");
		this.client.messages().forEach((message) -> {
		});
		assertThat(this.tree.contexts(ChatObservationContext.class)).extracting(ChatObservationContext::getRequestModel)
			.containsExactly("claude-sonnet-4-5", "claude-sonnet-4-5");
	}

	@Test
	void failingToolEndsWithToolError() {
		given(this.target.messages()).willReturn(SdkTranscripts.messages("tool-error.jsonl"));
		this.client.query("fail");
		this.client.messages().forEach((message) -> {
		});
		ToolExecutionObservationContext tool = this.tree.contexts(ToolExecutionObservationContext.class).get(0);
		assertThat(tool.getErrorType()).isEqualTo("tool_error");
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).getErrorType()).isNull();
	}

	@Test
	void apiErrorGetsNoChatForTheSyntheticMessageAndFailsTheAgent() {
		given(this.target.messages()).willReturn(SdkTranscripts.messages("api-error-401.jsonl"));
		this.client.query("hello");
		this.client.messages().forEach((message) -> {
		});
		assertThat(this.tree.render()).isEqualTo("invoke_agent claude-code\n");
		AgentInvocationObservationContext agent = this.tree.contexts(AgentInvocationObservationContext.class).get(0);
		assertThat(agent.getErrorType()).isEqualTo("error");
		assertThat(agent.getError()).hasMessageContaining("Invalid API key");
	}

	@Test
	void multiTurnSessionGivesOneAgentPerTurnWithTurnCost() {
		List<List<Message>> turns = SdkTranscripts.turns("multi-turn.jsonl");
		given(this.target.messages()).willReturn(turns.get(0), turns.get(1), turns.get(2));
		for (int i = 0; i < 3; i++) {
			assertThat(this.client.queryText("turn " + i)).isNotEmpty();
		}
		List<AgentInvocationObservationContext> agents = this.tree.contexts(AgentInvocationObservationContext.class);
		assertThat(agents).hasSize(3);
		assertThat(agents).extracting(AgentInvocationObservationContext::getPrompt)
			.containsExactly("turn 0", "turn 1", "turn 2");
		assertThat(agents).extracting(AgentInvocationObservationContext::getConversationId).containsOnly(
				agents.get(0).getConversationId());
		assertThat(agents.stream().mapToDouble(AgentInvocationObservationContext::getCostUsd).sum())
			.isCloseTo(((org.springaicommunity.claude.agent.sdk.types.ResultMessage) turns.get(2)
				.get(turns.get(2).size() - 1)).totalCostUsd(), org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void agentIsChildOfTheObservationCurrentWhenThePromptIsSent() {
		given(this.target.messages()).willReturn(SdkTranscripts.messages("tool-call.jsonl"));
		Observation request = Observation.createNotStarted("http.server.requests", this.registry)
			.contextualName("http.server.requests")
			.start();
		request.scoped(() -> this.client.query("run"));
		request.stop();
		this.client.messages().forEach((message) -> {
		});
		assertThat(this.tree.render()).startsWith("http.server.requests\n  invoke_agent claude-code\n    chat");
	}

	@Test
	void closingTheClientEndsTheOpenTurnWithClientClosed() {
		given(this.target.messages()).willReturn(SdkTranscripts.messages("tool-call.jsonl"));
		this.client.query("run");
		Iterator<Message> messages = this.client.messages().iterator();
		for (int i = 0; i < 3; i++) {
			messages.next();
		}
		this.client.close();
		verify(this.target).close();
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				""");
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).getErrorType())
			.isEqualTo("client_closed");
	}

	@Test
	void messagesEndingWithoutResultFailTheTurn() {
		List<Message> messages = SdkTranscripts.messages("tool-call.jsonl");
		given(this.target.messages()).willReturn(messages.subList(0, messages.size() - 1));
		this.client.query("run");
		this.client.messages().forEach((message) -> {
		});
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).getErrorType())
			.isEqualTo("no_result");
	}

	@Test
	void failedSendFailsTheTurnAndRethrows() {
		RuntimeException failure = new IllegalStateException("Client is not connected");
		org.mockito.BDDMockito.willThrow(failure).given(this.target).query("run");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.client.query("run")).isSameAs(failure);
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).getErrorType())
			.isEqualTo("IllegalStateException");
	}

}
