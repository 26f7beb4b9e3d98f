package io.agentobs.claudecode.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.AgentRunFailedException;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionFailedException;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the real CLI recordings ({@code src/test/resources/transcripts}) through the adapter and the
 * recorder and checks the exact observation trees of docs/telemetry.md.
 */
class TranscriptReplayTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	private final AgentRunObservations observations = AgentRunObservations.builder(this.registry).build();

	@AfterEach
	void noObservationIsLeftCurrent() {
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
	}

	@Test
	void toolCallGivesChatToolChatUnderTheAgent() throws IOException {
		replay("tool-call.jsonl");
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		AgentInvocationObservationContext agent = agents().get(0);
		assertThat(agent.getConversationId()).isEqualTo("16dcfd66-3edb-4e97-813c-25a11eb88497");
		assertThat(agent.getRequestModel()).isEqualTo("claude-sonnet-4-5");
		assertThat(agent.getAvailableTools()).contains("Bash", "Task");
		assertThat(agent.getNumTurns()).isEqualTo(2);
		assertThat(agent.getCostUsd()).isEqualTo(0.0012417);
		assertThat(agent.getTotalUsage().inputTokens()).isEqualTo(224L);
		assertThat(agent.getTotalUsage().outputTokens()).isEqualTo(40L);
		assertThat(agent.getErrorType()).isNull();
		assertThat(agent.getError()).isNull();

		List<ChatObservationContext> chats = chats();
		assertThat(chats).extracting(ChatObservationContext::getResponseId).containsExactly("msg_0002", "msg_0003");
		ChatObservationContext first = chats.get(0);
		assertThat(first.getUsage().inputTokens()).as("input includes cache").isEqualTo(112L);
		assertThat(first.getUsage().cacheReadInputTokens()).isEqualTo(7L);
		assertThat(first.getUsage().cacheCreationInputTokens()).isEqualTo(5L);
		assertThat(first.getUsage().outputTokens()).as("snapshot output is never reported").isNull();
		assertThat(first.getOutputParts()).hasSize(2);

		assertThat(this.tree.events()).as("a chat never covers the tool it asked for").containsExactly(
				"+invoke_agent claude-code", "+chat claude-sonnet-4-5", "-chat claude-sonnet-4-5",
				"+execute_tool Bash", "-execute_tool Bash", "+chat claude-sonnet-4-5", "-chat claude-sonnet-4-5",
				"-invoke_agent claude-code");
		ToolExecutionObservationContext tool = tools().get(0);
		assertThat(tool.getToolCallId()).isEqualTo("toolu_0002");
		assertThat(tool.getToolType()).isEqualTo("function");
		assertThat(tool.getResult()).isEqualTo("hello-from-tool");
		assertThat(tool.getErrorType()).isNull();
	}

	@Test
	void sequentialToolsGiveOneChatAndOneToolPerTurn() throws IOException {
		replay("sequential-tools.jsonl");
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		assertThat(this.tree.events()).as("each tool runs between the chat that asked for it and the next").containsExactly(
				"+invoke_agent claude-code", "+chat claude-sonnet-4-5", "-chat claude-sonnet-4-5",
				"+execute_tool Bash", "-execute_tool Bash", "+chat claude-sonnet-4-5", "-chat claude-sonnet-4-5",
				"+execute_tool Bash", "-execute_tool Bash", "+chat claude-sonnet-4-5", "-chat claude-sonnet-4-5",
				"-invoke_agent claude-code");
		AgentInvocationObservationContext agent = agents().get(0);
		assertThat(agent.getConversationId()).isEqualTo("a58dbf2f-2bce-4fdf-a90a-d43c8ed0a928");
		assertThat(agent.getNumTurns()).isEqualTo(3);
		assertThat(agent.getTotalUsage().inputTokens()).isEqualTo(336L);
		assertThat(agent.getTotalUsage().outputTokens()).isEqualTo(60L);
		assertThat(agent.getError()).isNull();
		assertThat(chats()).extracting(ChatObservationContext::getResponseId)
			.containsExactly("msg_sequential_tools_0001", "msg_sequential_tools_0002", "msg_sequential_tools_0003");
		assertThat(tools()).extracting(ToolExecutionObservationContext::getToolCallId)
			.containsExactly("toolu_sequential_tools_0001_0", "toolu_sequential_tools_0002_0");
		assertThat(tools()).extracting(ToolExecutionObservationContext::getResult).containsExactly("one", "two");
		assertThat(tools()).extracting(ToolExecutionObservationContext::getErrorType).containsOnlyNulls();
	}

	@Test
	void partialMessagesGivePerCallOutputTokensAndFinishReasons() throws IOException {
		replay("partial-messages.jsonl");
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		List<ChatObservationContext> chats = chats();
		assertThat(chats).extracting((chat) -> chat.getUsage().outputTokens()).containsExactly(20L, 20L);
		assertThat(chats).extracting((chat) -> chat.getUsage().inputTokens()).containsExactly(112L, 112L);
		assertThat(chats).extracting(ChatObservationContext::getFinishReasons)
			.containsExactly(List.of("tool_use"), List.of("end_turn"));
		assertThat(chats).allSatisfy((chat) -> assertThat(chat.getHighCardinalityKeyValues())
			.contains(KeyValue.of("gen_ai.usage.output_tokens", "20")));
	}

	@Test
	void failingToolIsAnErrorOnlyOnItsOwnSpan() throws IOException {
		replay("tool-error.jsonl");
		ToolExecutionObservationContext tool = tools().get(0);
		assertThat(tool.getErrorType()).isEqualTo("tool_error");
		assertThat(tool.getError()).isInstanceOf(ToolExecutionFailedException.class);
		assertThat(tool.getResult()).isEqualTo("Exit code 3\nto-stderr");
		assertThat(agents().get(0).getError()).isNull();
	}

	@Test
	void subagentNestsUnderTheAgentToolCall() throws IOException {
		replay("subagent-foreground.jsonl");
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Agent
				    invoke_agent general-purpose
				      chat claude-sonnet-4-5
				      execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		AgentInvocationObservationContext subagent = agents().get(1);
		assertThat(subagent.getAgentId()).isEqualTo("a3613f57f2e76fb23");
		assertThat(subagent.getConversationId()).isEqualTo("56338926-45d5-44e8-af41-b1b62defa9c8");
		assertThat(subagent.getPrompt()).isEqualTo("SUBAGENT-TASK: run echo hello-from-subagent with Bash");
		assertThat(tools()).extracting(ToolExecutionObservationContext::getAgentName)
			.containsExactly("claude-code", "general-purpose");
	}

	@Test
	void apiErrorFailsTheAgentAndMakesNoChatSpan() throws IOException {
		replay("api-error-401.jsonl");
		assertThat(this.tree.render()).isEqualTo("invoke_agent claude-code\n");
		AgentInvocationObservationContext agent = agents().get(0);
		assertThat(agent.getErrorType()).isEqualTo("401");
		assertThat(agent.getError()).isInstanceOf(AgentRunFailedException.class)
			.hasMessageContaining("Invalid API key");
		assertThat(agent.getTerminalReason()).isEqualTo("api_error");
	}

	@Test
	void multiTurnSessionGivesOneAgentPerTurnWithPerTurnCost() throws IOException {
		List<ClaudeMessage> messages = Transcripts.parse("multi-turn.jsonl");
		SessionCost sessionCost = new SessionCost();
		List<ClaudeMessage> turn = new ArrayList<>();
		for (ClaudeMessage message : messages) {
			turn.add(message);
			if (message instanceof ResultMessage) {
				replay(turn, sessionCost);
				turn.clear();
			}
		}
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				""");
		assertThat(agents()).extracting(AgentInvocationObservationContext::getConversationId)
			.containsOnly("a1603b62-0813-4147-b2b5-328920b9ef91");
		assertThat(agents()).extracting(AgentInvocationObservationContext::getCostUsd)
			.allSatisfy((cost) -> assertThat(cost).isCloseTo(0.00062085, org.assertj.core.api.Assertions.within(1e-9)));
	}

	private void replay(String transcript) throws IOException {
		replay(Transcripts.parse(transcript), new SessionCost());
	}

	private void replay(List<ClaudeMessage> messages, SessionCost sessionCost) {
		assertThat(Transcripts.replay(this.observations, messages, sessionCost).isFinished()).isTrue();
	}

	private List<AgentInvocationObservationContext> agents() {
		return this.tree.contexts(AgentInvocationObservationContext.class);
	}

	private List<ChatObservationContext> chats() {
		return this.tree.contexts(ChatObservationContext.class);
	}

	private List<ToolExecutionObservationContext> tools() {
		return this.tree.contexts(ToolExecutionObservationContext.class);
	}

}
