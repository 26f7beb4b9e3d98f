package io.agentobs.claudecode.otel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.autoconfigure.ClaudeCodeObservabilityAutoConfiguration;
import io.agentobs.claudecode.autoconfigure.ClaudeCodeOpenTelemetryAutoConfiguration;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.testsupport.BootLine;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.agentobs.claudecode.testsupport.ZipkinServer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports a replayed run through Spring Boot's Zipkin setup to a real Zipkin server (in
 * memory storage, on a free loopback port) and reads the trace back through Zipkin's API.
 * Outside the {@code otel} package so that the unit test command does not pick it up.
 */
class ZipkinIT {

	private static ZipkinServer zipkin;

	@BeforeAll
	static void startZipkin() throws Exception {
		zipkin = ZipkinServer.start(ZipkinServer.jar());
	}

	@AfterAll
	static void stopZipkin() throws InterruptedException {
		if (zipkin != null) {
			zipkin.close();
		}
	}

	@Test
	void replayedRunIsReadBackFromZipkinAsTheContractTree() throws Exception {
		String traceId = exportSubagentRun();
		JsonNode trace = zipkin.awaitTrace(traceId, 7);
		Map<String, JsonNode> byId = new HashMap<>();
		trace.forEach((span) -> byId.put(span.get("id").asText(), span));
		JsonNode agent = only(trace, "invoke_agent claude-code");
		JsonNode agentTool = only(trace, "execute_tool agent");
		JsonNode subagent = only(trace, "invoke_agent general-purpose");
		JsonNode bash = only(trace, "execute_tool bash");
		assertThat(agent.has("parentId")).isFalse();
		assertThat(agentTool.get("parentId").asText()).isEqualTo(agent.get("id").asText());
		assertThat(subagent.get("parentId").asText()).isEqualTo(agentTool.get("id").asText());
		assertThat(bash.get("parentId").asText()).isEqualTo(subagent.get("id").asText());
		List<JsonNode> chats = spans(trace, "chat claude-sonnet-4-5");
		assertThat(chats).hasSize(3).allSatisfy((chat) -> assertThat(chat.get("kind").asText()).isEqualTo("CLIENT"));
		assertThat(chats).extracting((chat) -> byId.get(chat.get("parentId").asText()).get("name").asText())
			.containsExactlyInAnyOrder("invoke_agent claude-code", "invoke_agent claude-code",
					"invoke_agent general-purpose");
		assertThat(List.of(agent, agentTool, subagent, bash)).allSatisfy((span) -> assertThat(span.has("kind"))
			.as("Zipkin has no INTERNAL kind: %s", span.get("name"))
			.isFalse());
		assertThat(agent.get("tags").get("claude_code.num_turns").asText()).isEqualTo("2");
		assertThat(agent.get("tags").has("error.type")).as("none values are dropped").isFalse();
		assertThat(chats.get(0).get("tags").get("gen_ai.usage.input_tokens").asText()).isEqualTo("112");
	}

	private static String exportSubagentRun() {
		String[] traceId = new String[1];
		new ApplicationContextRunner()
			.withConfiguration(BootLine.current().observation())
			.withConfiguration(BootLine.current().openTelemetryTracing())
			.withConfiguration(BootLine.current().zipkin())
			.withConfiguration(AutoConfigurations.of(ClaudeCodeObservabilityAutoConfiguration.class,
					ClaudeCodeOpenTelemetryAutoConfiguration.class))
			.withBean(InMemorySpanExporter.class, InMemorySpanExporter::create)
			.withPropertyValues("management.tracing.sampling.probability=1.0",
					BootLine.current().zipkinEndpointProperty() + "=" + zipkin.spansEndpoint())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Transcripts.replay(context.getBean(AgentRunObservations.class), "subagent-foreground.jsonl");
				assertThat(context.getBean(SdkTracerProvider.class).forceFlush().join(30, TimeUnit.SECONDS).isSuccess())
					.isTrue();
				traceId[0] = context.getBean(InMemorySpanExporter.class).getFinishedSpanItems().get(0).getTraceId();
			});
		return traceId[0];
	}

	private static JsonNode only(JsonNode trace, String name) {
		List<JsonNode> spans = spans(trace, name);
		assertThat(spans).as(name).hasSize(1);
		return spans.get(0);
	}

	private static List<JsonNode> spans(JsonNode trace, String name) {
		List<JsonNode> spans = new ArrayList<>();
		trace.forEach((span) -> {
			if (name.equals(span.get("name").asText())) {
				spans.add(span);
			}
		});
		return spans;
	}

}
