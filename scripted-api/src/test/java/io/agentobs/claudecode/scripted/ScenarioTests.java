package io.agentobs.claudecode.scripted;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Scenario} markers.
 */
class ScenarioTests {

	@Test
	void everyMarkerSelectsItsScenario() {
		for (Scenario scenario : Scenario.values()) {
			assertThat(Scenario.fromMarker(scenario.prompt("do it"))).hasValue(scenario);
		}
		assertThat(Scenario.TOOL_AND_SUBAGENT.marker()).isEqualTo("[scenario:tool-and-subagent]");
	}

	@Test
	void lastValidMarkerWinsAndUnknownMarkersAreIgnored() {
		assertThat(Scenario.fromMarker("[scenario:tool-call] then [scenario:http-401] [scenario:nope]"))
			.hasValue(Scenario.HTTP_401);
		assertThat(Scenario.fromMarker("no marker [scenario:nope]")).isEmpty();
	}

}
