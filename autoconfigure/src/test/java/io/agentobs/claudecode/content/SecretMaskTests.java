package io.agentobs.claudecode.content;

import java.util.List;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretMask} and its use by the content filters.
 */
class SecretMaskTests {

	private static final String KEY = "sk-ant-api03-abcdefghijklmnop";

	@Test
	void everyOccurrenceOfEverySecretIsMasked() {
		SecretMask mask = SecretMask.of(List.of(KEY, "aws-secret-value"));
		assertThat(mask.mask("A=" + KEY + "\nB=aws-secret-value\nC=" + KEY))
			.isEqualTo("A=[REDACTED]\nB=[REDACTED]\nC=[REDACTED]");
	}

	@Test
	void longerSecretIsMaskedBeforeAShorterOneItContains() {
		SecretMask mask = SecretMask.of(List.of("secret-12", "secret-12345678"));
		assertThat(mask.mask("x secret-12345678 y")).isEqualTo("x [REDACTED] y");
	}

	@Test
	void jsonEscapedSecretIsMasked() {
		SecretMask mask = SecretMask.of(List.of("pass\"word/\\x"));
		assertThat(mask.mask("{\"env\":\"pass\\\"word/\\\\x\"}")).isEqualTo("{\"env\":\"[REDACTED]\"}");
	}

	@Test
	void shortValuesAreNotSecretsWorthMasking() {
		SecretMask mask = SecretMask.of(List.of("true", "1234567"));
		assertThat(mask.isEmpty()).isTrue();
		assertThat(mask.mask("true 1234567")).isEqualTo("true 1234567");
	}

	@Test
	void childObservationsFindTheMaskOfTheirRun() {
		ObservationRegistry registry = TestObservationRegistry.create();
		SecretMask mask = SecretMask.of(List.of(KEY));
		AgentInvocationObservationContext agentContext = new AgentInvocationObservationContext("claude-code");
		agentContext.put(SecretMask.class, mask);
		Observation agent = Observation.createNotStarted("agent", () -> agentContext, registry).start();
		ToolExecutionObservationContext toolContext = new ToolExecutionObservationContext("Bash", "toolu_1");
		Observation tool = Observation.createNotStarted("tool", () -> toolContext, registry)
			.parentObservation(agent)
			.start();
		assertThat(SecretMask.of(toolContext, SecretMask.NONE)).isSameAs(mask);
		assertThat(SecretMask.of(new Observation.Context(), SecretMask.NONE)).isSameAs(SecretMask.NONE);
		tool.stop();
		agent.stop();
	}

	@Test
	void toolResultIsMaskedBeforeItIsTruncated() {
		ToolExecutionObservationContext context = new ToolExecutionObservationContext("Bash", "toolu_1");
		context.put(SecretMask.class, SecretMask.of(List.of(KEY)));
		context.setResult("ANTHROPIC_API_KEY=" + KEY + "\n" + "x".repeat(100));
		new ClaudeCodeOutputContentObservationFilter(60).map(context);
		String recorded = context.getHighCardinalityKeyValue("gen_ai.tool.call.result").getValue();
		assertThat(recorded).startsWith("\"ANTHROPIC_API_KEY=[REDACTED]").doesNotContain("sk-ant");
	}

	@Test
	void filtersMaskPromptsArgumentsAndChatOutputs() {
		SecretMask mask = SecretMask.of(List.of(KEY));
		AgentInvocationObservationContext agent = new AgentInvocationObservationContext("claude-code");
		agent.setPrompt("Use " + KEY);
		agent.setSystemInstructions("Key: " + KEY);
		agent.setOutputText("Done with " + KEY);
		ChatObservationContext chat = new ChatObservationContext("claude-sonnet-4-5");
		chat.addOutputPart(new ChatOutputPart.Text("The key is " + KEY));
		chat.addOutputPart(new ChatOutputPart.ToolCall("toolu_1", "Bash", "{\"command\":\"echo " + KEY + "\"}"));
		ToolExecutionObservationContext tool = new ToolExecutionObservationContext("Bash", "toolu_1");
		tool.setArguments("{\"command\":\"echo " + KEY + "\"}");
		ClaudeCodeInputContentObservationFilter inputs = new ClaudeCodeInputContentObservationFilter(20_000, mask);
		ClaudeCodeOutputContentObservationFilter outputs = new ClaudeCodeOutputContentObservationFilter(20_000, mask);
		for (Observation.Context context : List.of(agent, chat, tool)) {
			outputs.map(inputs.map(context));
			assertThat(context.getHighCardinalityKeyValues()).isNotEmpty()
				.allSatisfy((keyValue) -> assertThat(keyValue.getValue()).doesNotContain(KEY).contains("[REDACTED]"));
		}
	}

}
