package io.agentobs.claudecode.instrument.tools;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.control.SdkMcpCallContext;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.LiveRuns;
import io.agentobs.claudecode.run.SessionCost;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.tools.ClaudeTool;
import io.agentobs.claudecode.tools.JavaToolServer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ObservedToolCallInterceptor}: a Java tool call runs in its run's caller
 * context, inside its {@code execute_tool} observation, on the server's thread.
 */
class ObservedToolCallInterceptorTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	private final LiveRuns liveRuns = ObservedToolCallInterceptor.liveRuns("app");

	private final List<String> seen = new CopyOnWriteArrayList<>();

	private final JavaToolServer server = new JavaToolServer("app", List.of(
			ClaudeTool.of("lookup", "Looks up", "{\"type\":\"object\"}", (input) -> {
				see();
				return "found";
			}), ClaudeTool.of("fail", "Fails", "{\"type\":\"object\"}", (input) -> {
				see();
				throw new IllegalStateException("no such order");
			})), Duration.ofSeconds(5), List.of(new ObservedToolCallInterceptor(this.liveRuns)));

	@AfterEach
	void stopped() {
		this.server.close();
		MDC.clear();
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
	}

	@Test
	void callRunsInTheCallersMdcInsideItsToolObservation() {
		AgentRunRecorder run = startRunWithMdc();
		run.sessionStarted("session", "claude-sonnet-4-5", List.of("mcp__app__lookup"));
		JsonNode answer = this.server.handle(call("lookup"), new SdkMcpCallContext("session", "toolu_1"));
		assertThat(answer.at("/result/content/0/text").asText()).isEqualTo("found");
		assertThat(this.seen).containsExactly("requestId=r-1 observation=toolu_1");
		assertThat(MDC.get("requestId")).isNull();
		run.abandoned();
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  execute_tool mcp__app__lookup
				""");
		assertThat(this.tree.contexts(ToolExecutionObservationContext.class).get(0).getResult()).isEqualTo("found");
	}

	@Test
	void exceptionIsTheToolObservationsError() {
		AgentRunRecorder run = startRunWithMdc();
		run.sessionStarted("session", "claude-sonnet-4-5", List.of("mcp__app__fail"));
		JsonNode answer = this.server.handle(call("fail"), new SdkMcpCallContext("session", "toolu_2"));
		assertThat(answer.at("/result/isError").asBoolean()).isTrue();
		run.abandoned();
		assertThat(this.tree.contexts(ToolExecutionObservationContext.class).get(0).getError())
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("no such order");
	}

	@Test
	void callOfNoKnownRunRunsAsIs() {
		JsonNode answer = this.server.handle(call("lookup"), new SdkMcpCallContext("other", "toolu_3"));
		assertThat(answer.at("/result/content/0/text").asText()).isEqualTo("found");
		assertThat(this.seen).containsExactly("requestId=null observation=none");
		assertThat(this.tree.events()).isEmpty();
	}

	private AgentRunRecorder startRunWithMdc() {
		MDC.put("requestId", "r-1");
		try {
			return AgentRunObservations.builder(this.registry)
				.liveRuns(this.liveRuns)
				.build()
				.startRun("prompt", null, "claude-sonnet-4-5", new SessionCost());
		}
		finally {
			MDC.clear();
		}
	}

	private void see() {
		Observation current = this.registry.getCurrentObservation();
		String observation = (current != null
				&& current.getContext() instanceof ToolExecutionObservationContext tool) ? tool.getToolCallId() : "none";
		this.seen.add("requestId=" + MDC.get("requestId") + " observation=" + observation);
	}

	private static JsonNode call(String tool) {
		try {
			return Json.mapper().readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\""
					+ tool + "\",\"arguments\":{}}}");
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
