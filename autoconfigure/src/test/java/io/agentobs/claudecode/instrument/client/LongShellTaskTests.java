package io.agentobs.claudecode.instrument.client;

import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shell command the CLI moves to a task because it runs long ({@code system/task_started}
 * with {@code task_type} {@code local_bash}, seen when the machine is loaded) is not a
 * subagent.
 */
class LongShellTaskTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	@Test
	void longShellCommandTaskIsNoSubagent() {
		List<ClaudeMessage> messages = new ArrayList<>(Transcripts.parse("tool-call.jsonl"));
		ClaudeMessageParser parser = new ClaudeMessageParser();
		String session = messages.get(0).sessionId();
		messages.add(3, parser.parse("{\"type\":\"system\",\"subtype\":\"task_started\",\"task_id\":\"b1\","
				+ "\"tool_use_id\":\"toolu_0002\",\"task_type\":\"local_bash\",\"description\":\"echo\","
				+ "\"session_id\":\"" + session + "\"}"));
		messages.add(4, parser.parse("{\"type\":\"system\",\"subtype\":\"task_notification\",\"task_id\":\"b1\","
				+ "\"tool_use_id\":\"toolu_0002\",\"status\":\"completed\",\"session_id\":\"" + session + "\"}"));
		Transcripts.replay(AgentRunObservations.builder(this.registry).build(), messages);
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
	}

}
