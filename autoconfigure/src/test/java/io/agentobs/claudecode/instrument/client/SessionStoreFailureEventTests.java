package io.agentobs.claudecode.instrument.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import io.agentobs.claudecode.run.AgentRunEvents;
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
 * Run events without a span of their own are events on the run's {@code invoke_agent} span: a
 * {@code mirror_error} system message (transcript entries the session store dropped; the run goes
 * on) and a hook called back for no tool call.
 */
class SessionStoreFailureEventTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<String> events = new CopyOnWriteArrayList<>();

	@Test
	void aHookCalledBackForNoToolCallIsAnEventOnTheAgentSpan() {
		recordEvents();
		AgentRunRecorder recorder = AgentRunObservations.builder(this.registry)
			.build()
			.startRun("prompt", null, "claude-sonnet-4-5", new SessionCost());
		recorder.hookCalled(new AgentRunEvents.HookCalled(null, "Stop", "proceed", 3));
		recorder.finished(new AgentRunResult("success", false, 1, 10L, 0.1, null, null, 0, null, "Done.", List.of()));

		assertThat(this.events).containsExactly("gen_ai.invoke_agent claude_code.hook: hook Stop:proceed:3");
	}

	@Test
	void aMirrorErrorIsAnEventOnTheAgentSpan() {
		recordEvents();
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

	private void recordEvents() {
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
	}

}
