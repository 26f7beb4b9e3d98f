package io.agentobs.claudecode.observation;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentErrorType}.
 */
class AgentErrorTypeTests {

	@Test
	void knownValuesAreKept() {
		assertThat(AgentErrorType.of("error_max_budget_usd")).isEqualTo("error_max_budget_usd");
		assertThat(AgentErrorType.of("error_max_structured_output_retries"))
			.isEqualTo("error_max_structured_output_retries");
		assertThat(AgentErrorType.of("overloaded")).isEqualTo("overloaded");
		assertThat(AgentErrorType.of("failed")).isEqualTo("failed");
		assertThat(AgentErrorType.of("interrupted")).isEqualTo(AgentRunControl.INTERRUPTED);
	}

	@Test
	void httpStatusesAreKept() {
		assertThat(AgentErrorType.of("401")).isEqualTo("401");
		assertThat(AgentErrorType.of("529")).isEqualTo("529");
	}

	@Test
	void anythingElseIsOther() {
		assertThat(AgentErrorType.of("error_some_future_subtype")).isEqualTo("_OTHER");
		assertThat(AgentErrorType.of("999")).isEqualTo("_OTHER");
		assertThat(AgentErrorType.of("killed")).isEqualTo("_OTHER");
	}

	@Test
	void missingIsError() {
		assertThat(AgentErrorType.of(null)).isEqualTo("error");
		assertThat(AgentErrorType.of(" ")).isEqualTo("error");
	}

	@Test
	void valuesAreUnique() {
		assertThat(Stream.of(AgentErrorType.values()).map(AgentErrorType::value))
			.doesNotHaveDuplicates();
	}

}
