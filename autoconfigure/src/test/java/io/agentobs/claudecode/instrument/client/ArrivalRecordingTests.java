package io.agentobs.claudecode.instrument.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeMessageListener;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.OneShotClaudeCodeClient;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that reports arriving messages drives the observations at arrival, whatever the
 * consumer does; each message is recorded once and still delivered unchanged.
 */
class ArrivalRecordingTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	@AfterEach
	void everyObservationStoppedOnce() {
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
	}

	@Test
	void observationsFollowArrivalNotConsumption() throws IOException {
		List<ClaudeMessage> recorded = Transcripts.parse("partial-messages.jsonl");
		ArrivingClient arriving = new ArrivingClient(recorded);
		ClaudeCodeClient client = ClaudeCodeObservations.observe(arriving,
				AgentRunObservations.builder(this.registry).build());
		List<ClaudeMessage> received = new ArrayList<>();
		try (ClaudeCodeRun run = client.query("go")) {
			Iterator<ClaudeMessage> messages = run.iterator();
			received.add(messages.next());
			arriving.arriveAll();
			assertThat(this.tree.events()).as("the whole run is observed before the consumer reads on")
				.endsWith("-invoke_agent claude-code");
			messages.forEachRemaining(received::add);
		}
		assertThat(received).containsExactlyElementsOf(recorded);
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
	}

	@Test
	void userListenerIsKeptAndCalledFirst() throws IOException {
		List<ClaudeMessage> recorded = Transcripts.parse("tool-call.jsonl");
		ArrivingClient arriving = new ArrivingClient(recorded);
		ClaudeCodeClient client = ClaudeCodeObservations.observe(arriving,
				AgentRunObservations.builder(this.registry).build());
		List<String> seen = new ArrayList<>();
		ClaudeMessageListener user = (message) -> seen.add(message.type() + " finished=" + isRunFinished());
		try (ClaudeCodeRun run = client.query("go", ClaudeCodeOptions.builder().messageListener(user).build())) {
			arriving.arriveAll();
			run.forEach((message) -> {
			});
		}
		assertThat(seen).hasSize(recorded.size()).last().isEqualTo("result finished=false");
	}

	private boolean isRunFinished() {
		return this.tree.events().contains("-invoke_agent claude-code");
	}

	/**
	 * A client whose messages arrive when the test says so, reported to the options' listener
	 * like the CLI client's reader thread does, and delivered to the consumer afterwards.
	 */
	private static final class ArrivingClient extends OneShotClaudeCodeClient {

		private final List<ClaudeMessage> messages;

		private ClaudeMessageListener listener;

		private int arrived;

		ArrivingClient(List<ClaudeMessage> messages) {
			this.messages = messages;
		}

		void arriveAll() {
			while (this.arrived < this.messages.size()) {
				this.listener.onMessage(this.messages.get(this.arrived++));
			}
		}

		@Override
		public ClaudeCodeRun query(String prompt, ClaudeCodeOptions options) {
			this.listener = options.getMessageListener();
			return new ClaudeCodeRun() {

				private int next;

				@Override
				public Iterator<ClaudeMessage> iterator() {
					return new Iterator<>() {

						@Override
						public boolean hasNext() {
							return next < ArrivingClient.this.messages.size();
						}

						@Override
						public ClaudeMessage next() {
							if (next == ArrivingClient.this.arrived) {
								ArrivingClient.this.listener.onMessage(ArrivingClient.this.messages.get(next));
								ArrivingClient.this.arrived++;
							}
							return ArrivingClient.this.messages.get(next++);
						}

					};
				}

				@Override
				public void interrupt() {
				}

				@Override
				public void close() {
				}

			};
		}

	}

}
