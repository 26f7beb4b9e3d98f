package io.agentobs.claudecode.metrics;

import java.util.List;

import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.run.AgentRunEvents.HookCalled;
import io.agentobs.claudecode.run.AgentRunEvents.PermissionDecided;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallStart;
import io.agentobs.claudecode.run.AgentRunEvents.ToolExecution;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Permission decisions and hook callbacks recorded by the run become attributes of their
 * tool call's span and the {@code claude_code.permission.decisions} counter.
 */
class PermissionDecisionsObservationHandlerTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final List<Observation.Context> stopped = new java.util.ArrayList<>();

	PermissionDecisionsObservationHandlerTests() {
		this.registry.observationConfig().observationHandler(new PermissionDecisionsObservationHandler(this.meters));
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				PermissionDecisionsObservationHandlerTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
	}

	@Test
	void decisionsAndHooksAreOnTheToolSpanAndCounted() {
		AgentRunRecorder recorder = AgentRunObservations.builder(this.registry).build()
			.startRun("prompt", null, "claude-sonnet-4-5", new SessionCost());
		recorder.toolCallStarted(new ToolCallStart(null, "a", "Bash", "{}", null));
		recorder.toolCallStarted(new ToolCallStart(null, "b", "Bash", "{}", null));
		recorder.toolCallStarted(new ToolCallStart(null, "c", "Read", "{}", null));
		recorder.hookCalled(new HookCalled("a", "PreToolUse", "proceed", 2));
		recorder.permissionDecided(new PermissionDecided("a", "deny", "handler", 5003L));
		recorder.permissionDecided(new PermissionDecided("b", "allow_modified", "rule", 1L));
		recorder.permissionDecided(new PermissionDecided("unknown", "allow", "handler", 1L));
		recorder.hookCalled(new HookCalled(null, "UserPromptSubmit", "block", 1));
		recorder.toolExecuted(new ToolExecution("c", 41L, null));
		recorder.toolCallFinished(new ToolCallEnd(null, "a", true, "denied"));
		recorder.toolCallFinished(new ToolCallEnd(null, "b", false, "ok"));
		recorder.toolCallFinished(new ToolCallEnd(null, "c", false, "ok"));
		recorder.abandoned();
		List<ToolExecutionObservationContext> tools = this.stopped.stream()
			.filter(ToolExecutionObservationContext.class::isInstance)
			.map(ToolExecutionObservationContext.class::cast)
			.toList();
		assertThat(tools.get(0).getHighCardinalityKeyValues()).contains(
				KeyValue.of("claude_code.permission.decision", "deny"),
				KeyValue.of("claude_code.permission.decided_by", "handler"),
				KeyValue.of("claude_code.permission.wait_ms", "5003"),
				KeyValue.of("claude_code.hooks", "PreToolUse:proceed:2"));
		assertThat(tools.get(2).getHighCardinalityKeyValues().stream().map(KeyValue::getKey))
			.doesNotContain("claude_code.permission.decision", "claude_code.hooks", "claude_code.tool.failure");
		assertThat(tools.get(2).getHighCardinalityKeyValues()).contains(KeyValue.of("claude_code.tool.duration_ms", "41"));
		assertThat(this.meters.get("claude_code.permission.decisions")
			.tags("gen_ai.tool.name", "Bash", "claude_code.permission.decision", "deny")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("claude_code.permission.decisions")
			.tags("gen_ai.tool.name", "Bash", "claude_code.permission.decision", "allow_modified")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meters.find("claude_code.permission.decisions").counters()).hasSize(2);
	}

}
