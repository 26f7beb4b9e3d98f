package io.agentobs.claudecode.metrics;

import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RunEventMetricsObservationHandler} with replayed CLI transcripts into which
 * the CLI's {@code system/permission_denied} and {@code rate_limit_event} lines are spliced.
 */
class RunEventMetricsObservationHandlerTests {

	private static final String DENIAL = """
			{"type":"system","subtype":"permission_denied","tool_name":"Bash","tool_use_id":"toolu_0002",\
			"decision_reason_type":"mode","message":"Permission to use Bash has been denied.","session_id":"s"}""";

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final AgentRunObservations observations = AgentRunObservations.builder(this.registry).build();

	RunEventMetricsObservationHandlerTests() {
		this.registry.observationConfig().observationHandler(new RunEventMetricsObservationHandler(this.meters));
	}

	@Test
	void permissionDenialsAreCountedPerToolAndAgent() {
		List<String> lines = new ArrayList<>(Transcripts.lines("tool-call.jsonl"));
		lines.add(3, DENIAL);
		replay(lines);
		replay(lines);
		replay(Transcripts.lines("tool-call.jsonl"));

		assertThat(this.meters.get("claude_code.permission.denials")
			.tag("gen_ai.tool.name", "Bash")
			.tag("gen_ai.agent.name", "claude-code")
			.counter()
			.count()).isEqualTo(2.0);
		assertThat(this.meters.find("claude_code.permission.denials").counters()).hasSize(1);
	}

	@Test
	void rateLimitUtilizationGaugeHoldsTheLastReportPerRateLimit() {
		List<String> lines = new ArrayList<>(Transcripts.lines("tool-call.jsonl"));
		lines.add(1, rateLimit("five_hour", 0.5));
		lines.add(2, rateLimit("seven_day", 0.1));
		lines.add(3, rateLimit("five_hour", 0.82));
		replay(lines);

		assertThat(this.meters.get("claude_code.rate_limit.utilization")
			.tag("claude_code.rate_limit.type", "five_hour")
			.gauge()
			.value()).isEqualTo(0.82);
		assertThat(this.meters.get("claude_code.rate_limit.utilization")
			.tag("claude_code.rate_limit.type", "seven_day")
			.gauge()
			.value()).isEqualTo(0.1);
	}

	@Test
	void runsWithoutEventsRecordNoMeter() {
		replay(Transcripts.lines("tool-call.jsonl"));
		assertThat(this.meters.getMeters()).isEmpty();
	}

	private static String rateLimit(String type, double utilization) {
		return "{\"type\":\"rate_limit_event\",\"rate_limit_info\":{\"status\":\"allowed\",\"rateLimitType\":\"" + type
				+ "\",\"utilization\":" + utilization + "},\"session_id\":\"s\"}";
	}

	private void replay(List<String> lines) {
		ClaudeMessageParser parser = new ClaudeMessageParser();
		Transcripts.replay(this.observations, lines.stream().map(parser::parse).toList());
	}

}
