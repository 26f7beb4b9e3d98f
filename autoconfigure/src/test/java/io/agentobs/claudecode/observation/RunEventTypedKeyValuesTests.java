package io.agentobs.claudecode.observation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The types {@link TypedKeyValues} gives the keys of the run events.
 */
class RunEventTypedKeyValuesTests {

	@Test
	void flagsAreBooleans() {
		assertThat(TypedKeyValues.typedValue("gen_ai.request.stream", "true")).isEqualTo(Boolean.TRUE);
		assertThat(TypedKeyValues.typedValue("gen_ai.request.stream", "false")).isEqualTo(Boolean.FALSE);
		assertThat(TypedKeyValues.typedValue("gen_ai.conversation.compacted", "true")).isEqualTo(Boolean.TRUE);
	}

	@Test
	void flagThatIsNotABooleanStaysText() {
		assertThat(TypedKeyValues.typedValue("gen_ai.request.stream", "yes")).isEqualTo("yes");
	}

	@Test
	void exitCodeIsLongAndUtilizationDouble() {
		assertThat(TypedKeyValues.typedValue("process.exit.code", "3")).isEqualTo(3L);
		assertThat(TypedKeyValues.typedValue("claude_code.rate_limit.utilization", "0.82")).isEqualTo(0.82);
	}

	@Test
	void textKeysStayText() {
		assertThat(TypedKeyValues.typedValue("gen_ai.output.type", "json")).isEqualTo("json");
		assertThat(TypedKeyValues.typedValue("claude_code.skill.name", "pdf")).isEqualTo("pdf");
	}

}
