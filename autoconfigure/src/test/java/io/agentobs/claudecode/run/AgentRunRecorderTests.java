package io.agentobs.claudecode.run;

import java.util.List;

import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.ModelCallFailedException;
import io.agentobs.claudecode.observation.TokenUsage;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.run.AgentRunEvents.ModelOutput;
import io.agentobs.claudecode.run.AgentRunEvents.ModelResponseEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ModelResponseStart;
import io.agentobs.claudecode.run.AgentRunEvents.TaskStart;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallStart;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of {@link AgentRunRecorder} that the recordings do not exercise: responses without ids
 * (SDKs that drop them) and parallel tool calls without stream events.
 */
class AgentRunRecorderTests {

	private static final TokenUsage USAGE = new TokenUsage(112L, null, 7L, 5L);

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	private final AgentRunRecorder recorder = AgentRunObservations.builder(this.registry).build()
		.startRun("prompt", null, "claude-sonnet-4-5", new SessionCost());

	@AfterEach
	void everyObservationStoppedOnce() {
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
	}

	@Test
	void parallelToolCallsOfAResponseWithoutIdsShareOneChat() {
		this.recorder.sessionStarted("session", "claude-sonnet-4-5", List.of("Bash"));
		this.recorder.modelOutput(ModelOutput.of(List.of(new ChatOutputPart.Text("Two commands."))));
		this.recorder.modelOutput(ModelOutput.of(List.of(new ChatOutputPart.ToolCall("a", "Bash", "{}"))));
		this.recorder.toolCallStarted(new ToolCallStart(null, "a", "Bash", "{}", null));
		this.recorder.modelOutput(ModelOutput.of(List.of(new ChatOutputPart.ToolCall("b", "Bash", "{}"))));
		this.recorder.toolCallStarted(new ToolCallStart(null, "b", "Bash", "{}", null));
		this.recorder.toolCallFinished(new ToolCallEnd(null, "a", false, "1"));
		this.recorder.toolCallFinished(new ToolCallEnd(null, "b", false, "2"));
		this.recorder.modelOutput(ModelOutput.of(List.of(new ChatOutputPart.Text("Done."))));
		this.recorder.finished(new AgentRunResult("success", false, 2, 10L, 0.1, null, null, 0, null, "Done.", List.of()));
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		ChatObservationContext first = this.tree.contexts(ChatObservationContext.class).get(0);
		assertThat(first.getResponseId()).isNull();
		assertThat(first.getResponseModel()).isNull();
	}

	@Test
	void parallelToolCallsWithoutStreamEventsShareOneChatThatEndsBeforeTheTools() {
		this.recorder.modelOutput(new ModelOutput(null, null, "msg_1", "claude-sonnet-4-5", USAGE,
				List.of(new ChatOutputPart.ToolCall("a", "Bash", "{}")), null));
		this.recorder.toolCallStarted(new ToolCallStart(null, "a", "Bash", "{}", null));
		this.recorder.modelOutput(new ModelOutput(null, null, "msg_1", "claude-sonnet-4-5", USAGE,
				List.of(new ChatOutputPart.ToolCall("b", "Bash", "{}")), null));
		this.recorder.toolCallStarted(new ToolCallStart(null, "b", "Bash", "{}", null));
		this.recorder.toolCallFinished(new ToolCallEnd(null, "a", false, "1"));
		this.recorder.toolCallFinished(new ToolCallEnd(null, "b", false, "2"));
		this.recorder.abandoned();
		assertThat(this.tree.events()).containsExactly("+invoke_agent claude-code", "+chat claude-sonnet-4-5",
				"-chat claude-sonnet-4-5", "+execute_tool Bash", "+execute_tool Bash", "-execute_tool Bash",
				"-execute_tool Bash", "-invoke_agent claude-code");
	}

	@Test
	void streamedResponseEndsOnItsMessageDeltaNotOnItsToolCall() {
		this.recorder.modelResponseStarted(new ModelResponseStart(null, "msg_1", "claude-sonnet-4-5", USAGE));
		this.recorder.modelOutput(new ModelOutput(null, null, "msg_1", "claude-sonnet-4-5", USAGE,
				List.of(new ChatOutputPart.ToolCall("a", "Bash", "{}")), null));
		this.recorder.toolCallStarted(new ToolCallStart(null, "a", "Bash", "{}", null));
		this.recorder.modelResponseFinished(new ModelResponseEnd(null, "msg_1", "tool_use", new TokenUsage(null, 20L,
				null, null)));
		this.recorder.toolCallFinished(new ToolCallEnd(null, "a", false, "1"));
		this.recorder.abandoned();
		assertThat(this.tree.events()).containsExactly("+invoke_agent claude-code", "+chat claude-sonnet-4-5",
				"+execute_tool Bash", "-chat claude-sonnet-4-5", "-execute_tool Bash", "-invoke_agent claude-code");
		ChatObservationContext chat = this.tree.contexts(ChatObservationContext.class).get(0);
		assertThat(chat.getUsage()).isEqualTo(new TokenUsage(112L, 20L, 7L, 5L));
		assertThat(chat.getFinishReasons()).containsExactly("tool_use");
	}

	@Test
	void eventsAfterTheEndAreIgnored() {
		this.recorder.abandoned();
		this.recorder.modelOutput(new ModelOutput(null, null, "msg_1", "claude-sonnet-4-5", USAGE, List.of(), null));
		this.recorder.toolCallStarted(new ToolCallStart(null, "a", "Bash", "{}", null));
		this.recorder.failed(new IllegalStateException("late"));
		assertThat(this.tree.render()).isEqualTo("invoke_agent claude-code\n");
	}

	@Test
	void subagentOfAnUnknownToolCallEndsWithTheRun() {
		this.recorder.modelOutput(new ModelOutput("toolu_unknown", "agent-1", "msg_1", "claude-sonnet-4-5", USAGE,
				List.of(), null));
		this.recorder.toolCallStarted(new ToolCallStart("toolu_unknown", "b", "Bash", "{}", null));
		this.recorder.abandoned();
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  invoke_agent subagent
				    chat claude-sonnet-4-5
				    execute_tool Bash
				""");
		assertThat(this.tree.events()).endsWith("-invoke_agent subagent", "-invoke_agent claude-code");
	}

	@Test
	void taskStartedAfterItsToolResultEndsWithTheRun() {
		this.recorder.toolCallStarted(new ToolCallStart(null, "a", "Agent", "{\"subagent_type\":\"general-purpose\"}",
				"general-purpose"));
		this.recorder.toolCallFinished(new ToolCallEnd(null, "a", false, "done"));
		this.recorder.taskStarted(new TaskStart("a", "task-1", "local_agent", false, "general-purpose", "late"));
		this.recorder.toolCallStarted(new ToolCallStart("a", "b", "Bash", "{}", null));
		this.recorder.finished(new AgentRunResult("success", false, 1, 10L, 0.1, null, null, 0, null, "ok", List.of()));
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  execute_tool Agent
				  invoke_agent general-purpose
				    execute_tool Bash
				""");
	}

	@Test
	void toolCallWithoutNameIsStoppedLikeAnyOther() {
		this.recorder.toolCallStarted(new ToolCallStart(null, "a", null, "{}", null));
		this.recorder.toolCallFinished(new ToolCallEnd(null, "a", true, "failed"));
		this.recorder.abandoned();
		assertThat(this.tree.contexts(ToolExecutionObservationContext.class).get(0).getErrorType())
			.isEqualTo("tool_error");
	}

	@Test
	void localBashTaskIsNotASubagent() {
		this.recorder.toolCallStarted(new ToolCallStart(null, "a", "Bash", "{\"command\":\"sleep 30\"}", null));
		this.recorder.taskStarted(new TaskStart("a", "task-1", "local_bash", false, null, null));
		this.recorder.taskFinished("a", "task-1", null);
		this.recorder.toolCallFinished(new ToolCallEnd(null, "a", false, "ok"));
		this.recorder.abandoned();
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  execute_tool Bash
				""");
	}

	@Test
	void requestThatFailsForGoodIsAnErrorChatAndTheSyntheticMessageIsNot() {
		this.recorder.modelRequested(null);
		this.recorder.modelRequestFailed(null, "401");
		this.recorder.finished(new AgentRunResult("success", true, 1, 0L, 0.0, null, "api_error", 0, 401,
				"Invalid API key", List.of()));
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				""");
		ChatObservationContext chat = this.tree.contexts(ChatObservationContext.class).get(0);
		assertThat(chat.getErrorType()).isEqualTo("401");
		assertThat(chat.getError()).isInstanceOf(ModelCallFailedException.class);
	}

}
