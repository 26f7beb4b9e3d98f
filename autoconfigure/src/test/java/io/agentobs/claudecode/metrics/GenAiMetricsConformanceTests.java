package io.agentobs.claudecode.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.instrument.client.ClaudeCodeMessageAdapter;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import io.agentobs.claudecode.testsupport.ConventionDefinitions;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every GenAI metric the recorded runs produce against the conventions' own
 * definitions, on both profiles: the name is one the profile defines (the released
 * registry's metric names for v1.41, the development head's {@code metrics.yaml} and
 * {@code token-metrics.yaml} otherwise), the instrument and unit are the definition's, and a
 * histogram's buckets are the boundaries the conventions give it.
 */
class GenAiMetricsConformanceTests {

	@Test
	void releasedProfileProducesOnlyReleasedMetricsWithTheirBuckets() {
		SimpleMeterRegistry meters = replayAll(GenAiSemconvProfile.V1_41);
		Set<String> names = new TreeSet<>();
		List<String> violations = new ArrayList<>();
		for (Meter meter : genAiMeters(meters)) {
			String name = meter.getId().getName();
			names.add(name);
			if (ConventionDefinitions.openTelemetryMetric(name) == null) {
				violations.add(name + ": not a metric of the released registry");
			}
			checkBuckets("v1.41.0", meter, violations);
		}
		assertThat(violations).isEmpty();
		assertThat(names).containsExactlyInAnyOrder("gen_ai.client.token.usage", "gen_ai.client.operation.duration",
				"gen_ai.client.operation.time_to_first_chunk");
	}

	@Test
	void latestExperimentalProfileProducesTheDevelopmentMetricsWithTheirInstrumentsUnitsAndBuckets() {
		SimpleMeterRegistry meters = replayAll(GenAiSemconvProfile.LATEST_EXPERIMENTAL);
		Set<String> names = new TreeSet<>();
		List<String> violations = new ArrayList<>();
		for (Meter meter : genAiMeters(meters)) {
			String name = meter.getId().getName();
			names.add(name);
			Map<String, Object> definition = ConventionDefinitions.developmentMetric(name);
			if (definition == null) {
				violations.add(name + ": not a metric of the development head");
				continue;
			}
			String instrument = (meter instanceof Counter) ? "counter" : "histogram";
			if (!instrument.equals(definition.get("instrument"))) {
				violations.add(name + ": " + instrument + ", defined as " + definition.get("instrument"));
			}
			String unit = (meter instanceof Timer) ? "s" : meter.getId().getBaseUnit();
			if (!String.valueOf(definition.get("unit")).equals(unit)) {
				violations.add(name + ": unit " + unit + ", defined as " + definition.get("unit"));
			}
			checkBuckets("development", meter, violations);
		}
		assertThat(violations).isEmpty();
		assertThat(names).containsExactlyInAnyOrder("gen_ai.client.operation.duration",
				"gen_ai.client.operation.time_to_first_chunk", "gen_ai.client.inference.operation.input_tokens",
				"gen_ai.client.inference.operation.output_tokens", "gen_ai.client.inference.usage.input_tokens",
				"gen_ai.client.inference.usage.output_tokens", "gen_ai.client.inference.usage.cache_read.input_tokens",
				"gen_ai.client.inference.usage.cache_write.input_tokens", "gen_ai.invoke_agent.duration",
				"gen_ai.invoke_agent.inference_calls", "gen_ai.invoke_agent.tool_calls", "gen_ai.execute_tool.duration");
	}

	@Test
	void agentCallCountsAreTheAgentsOwnCalls() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		meters.config().meterFilter(new GenAiHistogramBuckets());
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new ChatMetricsObservationHandler(meters, GenAiSemconvProfile.LATEST_EXPERIMENTAL))
			.observationHandler(new AgentToolMetricsObservationHandler(meters));
		Transcripts.replay(AgentRunObservations.builder(registry).build(), "subagent-foreground.jsonl");
		DistributionSummary topLevelTools = meters.get("gen_ai.invoke_agent.tool_calls")
			.tag("gen_ai.agent.name", "claude-code")
			.summary();
		DistributionSummary subagentTools = meters.get("gen_ai.invoke_agent.tool_calls")
			.tag("gen_ai.agent.name", "general-purpose")
			.summary();
		assertThat(topLevelTools.count()).isOne();
		assertThat(topLevelTools.totalAmount()).as("the Agent tool call").isEqualTo(1.0);
		assertThat(subagentTools.totalAmount()).as("the subagent's Bash call").isEqualTo(1.0);
		assertThat(meters.get("gen_ai.invoke_agent.inference_calls")
			.tag("gen_ai.agent.name", "claude-code")
			.summary()
			.totalAmount()).isEqualTo(2.0);
	}

	@Test
	void optInIsACommaSeparatedList() {
		assertThat(GenAiSemconvProfile.fromOptIn(null)).isEqualTo(GenAiSemconvProfile.V1_41);
		assertThat(GenAiSemconvProfile.fromOptIn("http")).isEqualTo(GenAiSemconvProfile.V1_41);
		assertThat(GenAiSemconvProfile.fromOptIn("http, gen_ai_latest_experimental"))
			.isEqualTo(GenAiSemconvProfile.LATEST_EXPERIMENTAL);
		assertThat(GenAiSemconvProfile.fromOptIn("gen_ai_latest_experimental_x")).isEqualTo(GenAiSemconvProfile.V1_41);
	}

	private static void checkBuckets(String profile, Meter meter, List<String> violations) {
		if (meter instanceof Counter) {
			return;
		}
		List<Double> expected = ConventionDefinitions.bucketBoundaries(profile, meter.getId().getName());
		List<Double> actual = new ArrayList<>();
		CountAtBucket[] buckets = (meter instanceof Timer timer) ? timer.takeSnapshot().histogramCounts()
				: ((DistributionSummary) meter).takeSnapshot().histogramCounts();
		for (CountAtBucket bucket : buckets) {
			actual.add((meter instanceof Timer) ? round(bucket.bucket(TimeUnit.SECONDS)) : bucket.bucket());
		}
		if (!actual.equals(expected)) {
			violations.add(meter.getId().getName() + ": buckets " + actual + ", the conventions give " + expected);
		}
	}

	private static double round(double seconds) {
		return Math.round(seconds * 1e6) / 1e6;
	}

	private static List<Meter> genAiMeters(SimpleMeterRegistry meters) {
		// The simple registry also shows each histogram's buckets as a gauge, "<name>.histogram"
		return meters.getMeters()
			.stream()
			.filter((meter) -> meter instanceof Timer || meter instanceof DistributionSummary || meter instanceof Counter)
			.filter((meter) -> meter.getId().getName().startsWith("gen_ai."))
			.toList();
	}

	private static SimpleMeterRegistry replayAll(GenAiSemconvProfile profile) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		meters.config().meterFilter(new GenAiHistogramBuckets());
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ChatMetricsObservationHandler(meters, profile));
		if (profile == GenAiSemconvProfile.LATEST_EXPERIMENTAL) {
			registry.observationConfig().observationHandler(new AgentToolMetricsObservationHandler(meters));
		}
		AgentRunObservations observations = AgentRunObservations.builder(registry).build();
		for (String name : Transcripts.names()) {
			List<ClaudeMessage> messages = Transcripts.parse(name);
			ClaudeCodeMessageAdapter adapter = new ClaudeCodeMessageAdapter();
			AgentRunRecorder recorder = observations.startRun("prompt", null, null, new SessionCost());
			messages.forEach((message) -> adapter.record(message, recorder));
			if (!recorder.isFinished()) {
				recorder.abandoned();
			}
		}
		return meters;
	}

}
