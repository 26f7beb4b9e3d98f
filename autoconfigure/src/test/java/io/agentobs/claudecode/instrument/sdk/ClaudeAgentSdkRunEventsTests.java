package io.agentobs.claudecode.instrument.sdk;

import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springaicommunity.claude.agent.sdk.ClaudeSyncClient;
import org.springaicommunity.claude.agent.sdk.parsing.MessageParser;
import org.springaicommunity.claude.agent.sdk.types.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The claude-code-sdk keeps {@code system} lines whole, so its runs get the permission denial
 * and compaction telemetry too: real recordings with the CLI's {@code system/permission_denied}
 * and {@code system/compact_boundary} lines spliced in, parsed by the SDK.
 */
class ClaudeAgentSdkRunEventsTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	private final ClaudeSyncClient target = mock(ClaudeSyncClient.class);

	private final ClaudeSyncClient client = SdkClients.proxy(this.target, ClaudeSyncClient.class, this.registry);

	@AfterEach
	void everyObservationStoppedOnce() {
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
	}

	@Test
	void permissionDenialAndCompactionAreRecorded() throws Exception {
		List<String> lines = new ArrayList<>(Transcripts.lines("tool-call.jsonl"));
		lines.add(3, """
				{"type":"system","subtype":"permission_denied","tool_name":"Bash","tool_use_id":"toolu_0002",\
				"decision_reason_type":"subcommandResults","message":"The following part requires approval: exit 3",\
				"session_id":"16dcfd66-3edb-4e97-813c-25a11eb88497"}""");
		lines.add(5, """
				{"type":"system","subtype":"compact_boundary","compact_metadata":{"trigger":"auto","pre_tokens":167012},\
				"session_id":"16dcfd66-3edb-4e97-813c-25a11eb88497"}""");
		given(this.target.messages()).willReturn(parse(lines));
		this.client.query("run a command");
		this.client.messages().forEach((message) -> {
		});

		ToolExecutionObservationContext tool = this.tree.contexts(ToolExecutionObservationContext.class).get(0);
		assertThat(tool.getPermissionDenialReasonType()).isEqualTo("subcommandResults");
		assertThat(tool.getPermissionDenialReason()).isEqualTo("The following part requires approval: exit 3");
		assertThat(tool.getErrorType()).isEqualTo("permission_denied");
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).isConversationCompacted())
			.isTrue();
		assertThat(this.tree.contexts(ChatObservationContext.class))
			.extracting(ChatObservationContext::isConversationCompacted)
			.containsExactly(false, true);
	}

	private static List<Message> parse(List<String> lines) throws Exception {
		MessageParser parser = new MessageParser();
		List<Message> messages = new ArrayList<>();
		for (String line : lines) {
			Message message = parser.parseMessage(line);
			if (message != null) {
				messages.add(message);
			}
		}
		return messages;
	}

}
