package io.agentobs.claudecode.scripted;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConversationState}.
 */
class ConversationStateTests {

	private final ObjectMapper objectMapper = new ObjectMapper();

	@Test
	void stepCountsAssistantTurnsSinceTheLastPrompt() throws Exception {
		ConversationState state = state("""
				{"model":"m","stream":true,"tools":[{"name":"Bash"}],"messages":[
				 {"role":"user","content":[{"type":"text","text":"first [scenario:tool-call]"}]},
				 {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{}}]},
				 {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"x"},
				   {"type":"text","text":"<system-reminder>not a prompt</system-reminder>"}]},
				 {"role":"assistant","content":[{"type":"text","text":"done"}]},
				 {"role":"user","content":"second turn"},
				 {"role":"assistant","content":[{"type":"tool_use","id":"t2","name":"Bash","input":{}}]},
				 {"role":"user","content":[{"type":"tool_result","tool_use_id":"t2","content":"y"}]}
				]}""");
		assertThat(state.step()).isEqualTo(1);
		assertThat(state.marker()).hasValue(Scenario.TOOL_CALL);
		assertThat(state.subagent()).isFalse();
		assertThat(state.hasTools()).isTrue();
		assertThat(state.stream()).isTrue();
	}

	@Test
	void latestPromptWithAMarkerWins() throws Exception {
		ConversationState state = state("""
				{"tools":[{"name":"Bash"}],"messages":[
				 {"role":"user","content":"one [scenario:tool-call]"},
				 {"role":"assistant","content":"ok"},
				 {"role":"user","content":"two [scenario:failing-tool]"}
				]}""");
		assertThat(state.marker()).hasValue(Scenario.FAILING_TOOL);
		assertThat(state.step()).isZero();
	}

	@Test
	void conversationStartingWithTheSubagentMarkerIsASubagent() throws Exception {
		ConversationState state = state("""
				{"tools":[{"name":"Bash"}],"messages":[
				 {"role":"user","content":[{"type":"text","text":"SUBAGENT-TASK: run echo hello-from-subagent with Bash"}]}
				]}""");
		assertThat(state.subagent()).isTrue();
		assertThat(state.marker()).isEmpty();
	}

	@Test
	void requestWithoutToolsOrMessagesHasNoState() throws Exception {
		ConversationState state = state("{\"model\":\"m\"}");
		assertThat(state.hasTools()).isFalse();
		assertThat(state.marker()).isEmpty();
		assertThat(state.step()).isZero();
		assertThat(state.stream()).isFalse();
	}

	private ConversationState state(String json) throws Exception {
		return ConversationState.of(this.objectMapper.readTree(json));
	}

}
