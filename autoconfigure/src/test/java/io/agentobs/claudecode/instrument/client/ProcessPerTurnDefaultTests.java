package io.agentobs.claudecode.instrument.client;

import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.instrument.AgentObservationAdvisor;
import io.agentobs.claudecode.instrument.AgentObservationInterceptor;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the CLI's telemetry on, the instrumentation gives sessions a CLI process per turn unless
 * their options decide, and never to a session that could not resume its transcript.
 */
class ProcessPerTurnDefaultTests {

	private final AgentRunObservations observations = AgentRunObservations.builder(TestObservationRegistry.create())
		.build();

	private final SessionOpeningClient target = new SessionOpeningClient();

	@Test
	void sessionsWithoutAChoiceGetAProcessPerTurn() {
		client(true).openSession(null).close();
		client(true).openSession(ClaudeCodeOptions.builder().model("claude-sonnet-4-5").build()).close();
		client(true).resumeSession("16dcfd66-3edb-4e97-813c-25a11eb88497", null).close();
		assertThat(this.target.opened).extracting(ClaudeCodeOptions::getProcessPerTurn)
			.containsExactly(true, true, true);
		assertThat(this.target.opened.get(1).getModel()).isEqualTo("claude-sonnet-4-5");
	}

	@Test
	void theOptionsChoiceIsKept() {
		client(true).openSession(ClaudeCodeOptions.builder().processPerTurn(false).build()).close();
		assertThat(this.target.opened).extracting(ClaudeCodeOptions::getProcessPerTurn).containsExactly(false);
	}

	@Test
	void aSessionThatIsNotSavedKeepsOneProcess() {
		client(true).openSession(ClaudeCodeOptions.builder().persistSession(false).build()).close();
		assertThat(this.target.opened).extracting(ClaudeCodeOptions::getProcessPerTurn).containsOnlyNulls();
	}

	@Test
	void withoutTheCliTelemetrySessionsAreLeftAlone() {
		client(false).openSession(null).close();
		assertThat(this.target.opened).extracting(ClaudeCodeOptions::getProcessPerTurn).containsOnlyNulls();
		assertThat(this.target.opened.get(0).getProcessListener()).as("the trace context still reaches the CLI")
			.isNotNull();
	}

	private ClaudeCodeClient client(boolean processPerTurnSessions) {
		ProxyFactory proxyFactory = new ProxyFactory(this.target);
		proxyFactory.addInterface(ClaudeCodeClient.class);
		proxyFactory.addAdvisor(new AgentObservationAdvisor(new AgentObservationInterceptor(List
			.of(new ClaudeCodeClientInstrumentation(() -> this.observations, false, processPerTurnSessions)))));
		return (ClaudeCodeClient) proxyFactory.getProxy(getClass().getClassLoader());
	}

	/**
	 * Records the options sessions are opened with.
	 */
	static final class SessionOpeningClient implements ClaudeCodeClient {

		final List<ClaudeCodeOptions> opened = new ArrayList<>();

		@Override
		public ClaudeCodeRun query(String prompt) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ClaudeCodeRun query(String prompt, ClaudeCodeOptions options) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ClaudeCodeSession openSession() {
			return openSession(null);
		}

		@Override
		public ClaudeCodeSession openSession(ClaudeCodeOptions options) {
			this.opened.add(options);
			return new ClaudeCodeSession() {

				@Override
				public ClaudeCodeRun send(String prompt) {
					throw new UnsupportedOperationException();
				}

				@Override
				public String sessionId() {
					return null;
				}

				@Override
				public void close() {
				}

			};
		}

		@Override
		public ClaudeCodeSession resumeSession(String sessionId, ClaudeCodeOptions options) {
			return openSession(options);
		}

	}

}
