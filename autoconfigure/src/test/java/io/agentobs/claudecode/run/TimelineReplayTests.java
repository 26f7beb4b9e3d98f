package io.agentobs.claudecode.run;

import java.io.IOException;
import java.util.List;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ModelCallFailedException;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Replays the real CLI recordings of the timeline cases (time to first token, failed and
 * retried model calls, a slow Bash task, a background subagent, max turns) and checks the
 * exact observation trees and the order in which observations start and stop.
 */
class TimelineReplayTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	private final AgentRunObservations observations = AgentRunObservations.builder(this.registry).build();

	@AfterEach
	void everyObservationStoppedOnce() {
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
	}

	@Test
	void chatStartsAtTheRequestAndMeasuresTimeToFirstChunk() throws IOException {
		Transcripts.replay(this.observations, "first-event-delay.jsonl");
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		assertThat(chats()).extracting(ChatObservationContext::getResponseId)
			.containsExactly("msg_first_event_delay_0001", "msg_first_event_delay_0002");
		assertThat(chats()).allSatisfy((chat) -> {
			assertThat(chat.getTimeToFirstChunk()).isNotNull().isGreaterThanOrEqualTo(0.0);
			assertThat(chat.getUsage().outputTokens()).isEqualTo(20L);
			assertThat(chat.getResponseModel()).isEqualTo("claude-sonnet-4-5");
		});
	}

	@Test
	void streamCutByAnErrorIsAFailedChatAndItsRetryAChatWithFinalUsage() throws IOException {
		Transcripts.replay(this.observations, "stream-error-retry.jsonl");
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  chat claude-sonnet-4-5
				""");
		ChatObservationContext failed = chats().get(0);
		assertThat(failed.getResponseId()).isEqualTo("msg_stream_error_0001");
		assertThat(failed.getErrorType()).isEqualTo("stream_error");
		assertThat(failed.getError()).isInstanceOf(ModelCallFailedException.class);
		assertThat(failed.getUsage().outputTokens()).isNull();
		ChatObservationContext retried = chats().get(1);
		assertThat(retried.getResponseId()).isEqualTo("msg_stream_error_0002");
		assertThat(retried.getError()).isNull();
		assertThat(retried.getTimeToFirstChunk()).as("not streamed").isNull();
		assertThat(retried.getUsage().outputTokens()).isEqualTo(20L);
		assertThat(retried.getUsage().inputTokens()).isEqualTo(112L);
		assertThat(retried.getFinishReasons()).containsExactly("end_turn");
		assertThat(agents().get(0).getError()).isNull();
	}

	@Test
	void streamEndedWithoutAnErrorEventIsOneFailedChatAndItsRetryAChatWithFinalUsage() {
		// The connection ends after a delta: message_stop with abandoned_blocks, then api_retry
		// (no HTTP status, error "unknown") for the same attempt, then a streamed retry
		Transcripts.replayWithBackOff(this.observations, "stream-cut-retry.jsonl");
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  chat claude-sonnet-4-5
				""");
		ChatObservationContext failed = chats().get(0);
		assertThat(failed.getResponseId()).isEqualTo("msg_stream_cut_0001");
		assertThat(failed.getErrorType()).isEqualTo("stream_error");
		assertThat(failed.getUsage().outputTokens()).isNull();
		ChatObservationContext retried = chats().get(1);
		assertThat(retried.getResponseId()).isEqualTo("msg_stream_cut_0002");
		assertThat(retried.getError()).isNull();
		// Sent 552 ms after the api_retry: the call starts then, not at the cut
		assertThat(retried.getTimeToFirstChunk()).isNotNull().isLessThan(0.3);
		assertThat(retried.getUsage().outputTokens()).isEqualTo(20L);
		assertThat(retried.getFinishReasons()).containsExactly("end_turn");
		assertThat(agents().get(0).getError()).isNull();
	}

	@Test
	void everyRetriedRequestIsAFailedChatWithItsHttpStatusAndTheRetryStartsAfterTheBackOff() {
		Transcripts.replayWithBackOff(this.observations, "api-retry.jsonl");
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  chat claude-sonnet-4-5
				  chat claude-sonnet-4-5
				""");
		assertThat(chats()).extracting(ChatObservationContext::getErrorType).containsExactly("500", "529", null);
		assertThat(chats()).extracting(ChatObservationContext::getResponseId)
			.containsExactly(null, null, "msg_retried_errors_0003");
		ChatObservationContext succeeded = chats().get(2);
		assertThat(succeeded.getUsage().outputTokens()).isEqualTo(20L);
		// Sent 1225 ms after the second api_retry: the call starts then, not at the api_retry
		assertThat(succeeded.getTimeToFirstChunk()).isNotNull().isLessThan(0.5);
		assertThat(this.tree.events()).containsExactly("+invoke_agent claude-code", "+chat claude-sonnet-4-5",
				"-chat claude-sonnet-4-5", "+chat claude-sonnet-4-5", "-chat claude-sonnet-4-5",
				"+chat claude-sonnet-4-5", "-chat claude-sonnet-4-5", "-invoke_agent claude-code");
	}

	@Test
	void responseBeforeTheBackOffIsOverStartsTheRetriedCall() throws IOException {
		// Replayed without waiting: the retry's response comes before its back-off is over here
		Transcripts.replay(this.observations, "api-retry.jsonl");
		assertThat(chats()).extracting(ChatObservationContext::getErrorType).containsExactly("500", "529", null);
		assertThat(chats().get(2).getTimeToFirstChunk()).as("its request was not seen").isNull();
		assertThat(chats().get(2).getUsage().outputTokens()).isEqualTo(20L);
	}

	@Test
	void slowBashTaskStaysAToolCall() throws IOException {
		Transcripts.replay(this.observations, "slow-bash-task.jsonl");
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		assertThat(tools().get(0).getResult()).isEqualTo("slow-done");
	}

	@Test
	void maxTurnsOpensNoChatForTheCallThatNeverHappens() throws IOException {
		Transcripts.replay(this.observations, "max-turns.jsonl");
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				""");
		assertThat(agents().get(0).getErrorType()).isEqualTo("error_max_turns");
	}

	@Test
	void backgroundSubagentNestsUnderItsToolCallAndTheRunEndsAtTheLastResult() throws IOException {
		AgentRunRecorder recorder = Transcripts.replay(this.observations, "background-subagent.jsonl");
		assertThat(recorder.isFinished()).isTrue();
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Agent
				    invoke_agent general-purpose
				      chat claude-sonnet-4-5
				      execute_tool Bash
				      chat claude-sonnet-4-5
				  chat claude-sonnet-4-5
				  chat claude-sonnet-4-5
				""");
		List<String> events = this.tree.events();
		assertThat(events.indexOf("-invoke_agent general-purpose"))
			.as("the Agent call lasts until its background subagent ends")
			.isLessThan(events.lastIndexOf("-execute_tool Agent"));
		assertThat(events.get(events.size() - 1)).isEqualTo("-invoke_agent claude-code");
		AgentInvocationObservationContext agent = agents().get(0);
		assertThat(agent.getCostUsd()).isCloseTo(0.00310425, within(1e-9));
		assertThat(agent.getNumTurns()).isEqualTo(3);
		assertThat(agent.getTotalUsage().outputTokens()).isEqualTo(60L);
		assertThat(tools()).extracting(ToolExecutionObservationContext::getAgentName)
			.containsExactly("claude-code", "general-purpose");
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
