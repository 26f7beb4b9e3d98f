package io.agentobs.claudecode.content;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ContentBudget} through the content filters: a span's attributes share the
 * span budget, a run's tools share the run budget, the top-level agent's own content is
 * outside it, and a spent budget leaves {@value ContentBudget#FLOOR} characters.
 */
class ContentBudgetTests {

	private static final int MAX_ATTRIBUTE_LENGTH = 4000;

	private final ContentBudget budget = new ContentBudget(5000, 6000);

	private final ObservationRegistry registry = ObservationRegistry.create();

	ContentBudgetTests() {
		// A handler, so that observations are recorded and filtered
		this.registry.observationConfig()
			.observationHandler((context) -> true)
			.observationFilter(new ClaudeCodeInputContentObservationFilter(MAX_ATTRIBUTE_LENGTH, SecretMask.NONE,
					this.budget))
			.observationFilter(new ClaudeCodeOutputContentObservationFilter(MAX_ATTRIBUTE_LENGTH, SecretMask.NONE,
					this.budget));
	}

	@Test
	void attributesOfASpanShareItsBudget() {
		AgentInvocationObservationContext agent = new AgentInvocationObservationContext("claude-code");
		Observation run = Observation.start("gen_ai.invoke_agent", () -> agent, this.registry);
		ToolExecutionObservationContext tool = new ToolExecutionObservationContext("Bash", "toolu_1");
		tool.setArguments("{\"command\":\"" + "a".repeat(10_000) + "\"}");
		tool.setResult("b".repeat(10_000));
		Observation.createNotStarted("gen_ai.execute_tool", () -> tool, this.registry).parentObservation(run).start().stop();
		run.stop();
		int arguments = length(tool, "gen_ai.tool.call.arguments");
		int result = length(tool, "gen_ai.tool.call.result");
		assertThat(arguments).isEqualTo(MAX_ATTRIBUTE_LENGTH);
		assertThat(arguments + result).isEqualTo(5000);
	}

	@Test
	void toolsOfARunShareTheRunBudgetAndTheAgentsOwnContentIsOutsideIt() {
		AgentInvocationObservationContext agent = new AgentInvocationObservationContext("claude-code");
		agent.setPrompt("p".repeat(2000));
		agent.setOutputText("o".repeat(2000));
		Observation run = Observation.start("gen_ai.invoke_agent", () -> agent, this.registry);
		int[] results = new int[3];
		for (int i = 0; i < 3; i++) {
			ToolExecutionObservationContext tool = new ToolExecutionObservationContext("Bash", "toolu_" + i);
			tool.setResult("r".repeat(10_000));
			Observation.createNotStarted("gen_ai.execute_tool", () -> tool, this.registry)
				.parentObservation(run)
				.start()
				.stop();
			results[i] = length(tool, "gen_ai.tool.call.result");
		}
		run.stop();
		assertThat(results).containsExactly(MAX_ATTRIBUTE_LENGTH, 2000, ContentBudget.FLOOR);
		assertThat(agent.getHighCardinalityKeyValue("gen_ai.input.messages").getValue()).contains("p".repeat(2000));
		assertThat(agent.getHighCardinalityKeyValue("gen_ai.output.messages").getValue()).contains("o".repeat(2000));
	}

	@Test
	void budgetsBelowTheFloorAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ContentBudget(100, 10_000))
			.withMessageContaining("at least 256");
	}

	private static int length(Observation.Context context, String key) {
		return context.getHighCardinalityKeyValue(key).getValue().length();
	}

}
