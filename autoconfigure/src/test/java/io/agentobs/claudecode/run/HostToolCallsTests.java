package io.agentobs.claudecode.run;

import java.util.List;

import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.run.AgentRunEvents.ModelOutput;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallStart;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls of tools the application runs itself (Java tools): each is the {@code execute_tool}
 * observation of its tool-use id, timed by the application's run of it, with what the tool
 * threw as its error.
 */
class HostToolCallsTests {

	private static final String LOOKUP = "mcp__app__lookup";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	private final LiveRuns liveRuns = new LiveRuns(() -> "caller", (toolName) -> toolName.startsWith("mcp__app__"));

	private final AgentRunRecorder recorder = AgentRunObservations.builder(this.registry)
		.liveRuns(this.liveRuns)
		.build()
		.startRun("prompt", null, "claude-sonnet-4-5", new SessionCost());

	@AfterEach
	void everyObservationStoppedOnce() {
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
	}

	@Test
	void javaToolCallIsTimedByItsRunAndEndsWithItsException() {
		this.recorder.sessionStarted("session", "claude-sonnet-4-5", List.of(LOOKUP));
		askForTool("a");
		assertThat(this.tree.events()).containsExactly("+gen_ai.invoke_agent", "+chat claude-sonnet-4-5",
				"-chat claude-sonnet-4-5");
		assertThat(this.liveRuns.find("a", null).callerContext()).isEqualTo("caller");
		this.recorder.toolExecutionStarted("a", LOOKUP);
		assertThat(this.recorder.toolObservation("a").getContext().getName()).isEqualTo("gen_ai.execute_tool");
		IllegalStateException failure = new IllegalStateException("no such order");
		this.recorder.toolExecutionFinished("a", null, failure);
		assertThat(this.tree.events()).endsWith("+execute_tool " + LOOKUP, "-execute_tool " + LOOKUP);
		this.recorder.toolCallFinished(new ToolCallEnd(null, "a", true, "Tool lookup failed"));
		this.recorder.modelOutput(ModelOutput.of(List.of(new ChatOutputPart.Text("Sorry."))));
		this.recorder.abandoned();
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool mcp__app__lookup
				  chat claude-sonnet-4-5
				""");
		ToolExecutionObservationContext tool = this.tree.contexts(ToolExecutionObservationContext.class).get(0);
		assertThat(tool.getError()).isSameAs(failure);
		assertThat(tool.getToolCallId()).isEqualTo("a");
		assertThat(this.liveRuns.find("a", "session")).isNull();
	}

	@Test
	void javaToolResultIsTheToolsOwnNotTheReportedOne() {
		askForTool("a");
		this.recorder.toolExecutionStarted("a", LOOKUP);
		this.recorder.toolExecutionFinished("a", "order 7", null);
		this.recorder.toolCallFinished(new ToolCallEnd(null, "a", false, "order 7 <system-reminder>"));
		this.recorder.abandoned();
		ToolExecutionObservationContext tool = this.tree.contexts(ToolExecutionObservationContext.class).get(0);
		assertThat(tool.getResult()).isEqualTo("order 7");
		assertThat(tool.getError()).isNull();
	}

	@Test
	void javaToolCallThatRunsBeforeItsReportIsTheTopLevelAgentsAndRecordedOnce() {
		this.recorder.sessionStarted("session", "claude-sonnet-4-5", List.of(LOOKUP));
		assertThat(this.liveRuns.find("b", "session").recorder()).isSameAs(this.recorder);
		this.recorder.toolExecutionStarted("b", LOOKUP);
		this.recorder.toolExecutionFinished("b", "done", null);
		askForTool("b");
		this.recorder.toolCallFinished(new ToolCallEnd(null, "b", false, "done"));
		this.recorder.abandoned();
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  execute_tool mcp__app__lookup
				  chat claude-sonnet-4-5
				""");
	}

	@Test
	void javaToolCallThatNeverRunsEndsAtItsReportedResult() {
		askForTool("c");
		this.recorder.toolCallFinished(new ToolCallEnd(null, "c", true, "Permission denied"));
		this.recorder.abandoned();
		assertThat(this.tree.events()).containsSubsequence("+execute_tool " + LOOKUP, "-execute_tool " + LOOKUP);
		assertThat(this.tree.contexts(ToolExecutionObservationContext.class).get(0).getErrorType())
			.isEqualTo("tool_error");
	}

	@Test
	void javaToolCallStillRunningWhenTheTurnEndsEndsWithIt() {
		askForTool("d");
		this.recorder.toolExecutionStarted("d", LOOKUP);
		this.recorder.abandoned();
		this.recorder.toolExecutionFinished("d", "late", null);
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool mcp__app__lookup
				""");
	}

	private void askForTool(String toolUseId) {
		this.recorder.modelOutput(ModelOutput.of(List.of(new ChatOutputPart.ToolCall(toolUseId, LOOKUP, "{}"))));
		this.recorder.toolCallStarted(new ToolCallStart(null, toolUseId, LOOKUP, "{}", null));
	}

}
