package io.agentobs.claudecode.instrument.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.AgentRunResult;
import io.agentobs.claudecode.run.SessionCost;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code mirror_error} system message (transcript entries the session store dropped) is an
 * event on the run's {@code invoke_agent} span; the run goes on.
 */
class SessionStoreFailureEventTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<String> events = new CopyOnWriteArrayList<>();

	@Test
	void aMirrorErrorIsAnEventOnTheAgentSpan() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onEvent(Observation.Event event, Observation.Context context) {
				SessionStoreFailureEventTests.this.events.add(context.getName() + " " + event.getName() + ": "
						+ event.getContextualName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		AgentRunRecorder recorder = AgentRunObservations.builder(this.registry)
			.build()
			.startRun("prompt", null, "claude-sonnet-4-5", new SessionCost());
		new ClaudeCodeMessageAdapter().record(new ClaudeMessageParser().parse("""
				{"type":"system","subtype":"mirror_error","error":"Connection refused",\
				"key":{"projectKey":"-srv-app","sessionId":"s1"},"uuid":"u1","session_id":"s1"}"""), recorder);
		recorder.finished(new AgentRunResult("success", false, 1, 10L, 0.1, null, null, 0, null, "Done.", List.of()));

		assertThat(this.events).hasSize(1);
		assertThat(this.events.get(0)).endsWith(AgentRunRecorder.SESSION_STORE_FAILURE
				+ ": Session store append failed: Connection refused");
		assertThat(this.registry.getCurrentObservation()).isNull();
	}

}
