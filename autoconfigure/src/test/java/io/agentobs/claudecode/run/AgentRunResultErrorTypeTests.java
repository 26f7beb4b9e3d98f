package io.agentobs.claudecode.run;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code error.type} of a turn's result, one of {@link io.agentobs.claudecode.observation.AgentErrorType}.
 */
class AgentRunResultErrorTypeTests {

	@Test
	void successHasNoErrorType() {
		assertThat(result("success", false, null).errorType()).isNull();
	}

	@Test
	void apiErrorIsItsStatus() {
		assertThat(result("success", true, 529).errorType()).isEqualTo("529");
	}

	@Test
	void apiErrorWithoutStatusIsError() {
		assertThat(result("success", true, null).errorType()).isEqualTo("error");
	}

	@Test
	void errorSubtypesAreKept() {
		assertThat(result("error_max_budget_usd", true, null).errorType()).isEqualTo("error_max_budget_usd");
		assertThat(result("error_max_turns", true, null).errorType()).isEqualTo("error_max_turns");
	}

	@Test
	void unknownSubtypeIsOther() {
		assertThat(result("error_of_a_later_cli", true, null).errorType()).isEqualTo("_OTHER");
	}

	private static AgentRunResult result(String subtype, boolean isError, Integer apiErrorStatus) {
		return new AgentRunResult(subtype, isError, 1, 10L, 0.01, null, null, 0, apiErrorStatus, null, List.of());
	}

}
