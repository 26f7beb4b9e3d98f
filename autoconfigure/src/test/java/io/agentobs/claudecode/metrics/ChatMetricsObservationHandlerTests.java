package io.agentobs.claudecode.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ChatObservationDocumentation;
import io.agentobs.claudecode.observation.DefaultChatObservationConvention;
import io.agentobs.claudecode.observation.TokenUsage;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatMetricsObservationHandler} and {@link AgentCostObservationHandler}
 * with replayed CLI transcripts.
 */
class ChatMetricsObservationHandlerTests {

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final AgentRunObservations observations = AgentRunObservations.builder(this.registry).build();

	ChatMetricsObservationHandlerTests() {
		this.registry.observationConfig()
			.observationHandler(new ChatMetricsObservationHandler(this.meters))
			.observationHandler(new AgentCostObservationHandler(this.meters));
	}

	@Test
	void tokenUsageIsRecordedPerChatWithTheChatTags() {
		Transcripts.replay(this.observations, "partial-messages.jsonl");
		DistributionSummary input = tokenUsage("input");
		assertThat(input.count()).isEqualTo(2);
		assertThat(input.totalAmount()).isEqualTo(224);
		DistributionSummary output = tokenUsage("output");
		assertThat(output.count()).isEqualTo(2);
		assertThat(output.totalAmount()).isEqualTo(40);
		assertThat(input.getId().getTags()).containsExactlyInAnyOrder(Tag.of("gen_ai.token.type", "input"),
				Tag.of("gen_ai.operation.name", "chat"), Tag.of("gen_ai.provider.name", "anthropic"),
				Tag.of("gen_ai.request.model", "claude-sonnet-4-5"), Tag.of("gen_ai.agent.name", "claude-code"),
				Tag.of("error.type", "none"));
		assertThat(input.getId().getBaseUnit()).isEqualTo("{token}");
	}

	@Test
	void timeToFirstChunkIsRecordedForStreamedChatsThatStartAtTheRequest() {
		Transcripts.replay(this.observations, "first-event-delay.jsonl");
		Timer timeToFirstChunk = this.meters.get("gen_ai.client.operation.time_to_first_chunk")
			.tag("gen_ai.request.model", "claude-sonnet-4-5")
			.timer();
		assertThat(timeToFirstChunk.count()).isEqualTo(2);
		Transcripts.replay(this.observations, "tool-call.jsonl");
		assertThat(timeToFirstChunk.count()).as("no stream events, no time to first chunk").isEqualTo(2);
	}

	@Test
	void runTotalsAreNeverRecordedAsTokenUsage() {
		Transcripts.replay(this.observations, "tool-call.jsonl");
		assertThat(tokenUsage("input").count()).as("one per chat, none for the agent").isEqualTo(2);
		assertThat(this.meters.find("gen_ai.client.token.usage").tag("gen_ai.token.type", "output").summary())
			.as("snapshot output tokens are unknown and the run total is not a chat").isNull();
	}

	@Test
	void tokenUsageHasTheSemanticConventionsBuckets() {
		Transcripts.replay(this.observations, "partial-messages.jsonl");
		CountAtBucket[] buckets = tokenUsage("input").takeSnapshot().histogramCounts();
		assertThat(Arrays.stream(buckets).mapToDouble(CountAtBucket::bucket).toArray())
			.containsExactly(GenAiMeterDocumentation.TOKEN_USAGE_BUCKETS);
		assertThat(buckets[3].count()).as("<= 64").isZero();
		assertThat(buckets[4].count()).as("<= 256").isEqualTo(2);
	}

	@Test
	void operationDurationIsTheChatDurationInSecondsWithTheSemanticConventionsBuckets() {
		ChatObservationContext context = new ChatObservationContext("claude-opus-4-1");
		context.setUsage(new TokenUsage(10L, 3L, null, null));
		Observation observation = ChatObservationDocumentation.CHAT
			.observation(null, new DefaultChatObservationConvention(), () -> context, this.registry)
			.start();
		this.clock.add(Duration.ofMillis(50));
		observation.stop();
		Timer duration = this.meters.get("gen_ai.client.operation.duration")
			.tag("gen_ai.request.model", "claude-opus-4-1")
			.timer();
		assertThat(duration.count()).isOne();
		assertThat(duration.totalTime(TimeUnit.SECONDS)).isEqualTo(0.05);
		CountAtBucket[] buckets = duration.takeSnapshot().histogramCounts();
		assertThat(Arrays.stream(buckets).mapToDouble((bucket) -> bucket.bucket(TimeUnit.SECONDS)).toArray())
			.containsExactly(GenAiMeterDocumentation.OPERATION_DURATION_BUCKETS);
		assertThat(buckets[2].count()).as("<= 0.04").isZero();
		assertThat(buckets[3].count()).as("<= 0.08: a sub-second call lands in its own bucket").isOne();
	}

	@Test
	void costIsCountedPerAgentAndModel() {
		Transcripts.replay(this.observations, "tool-call.jsonl");
		Transcripts.replay(this.observations, "tool-call.jsonl");
		assertThat(this.meters.get("claude_code.cost")
			.tags("gen_ai.agent.name", "claude-code", "gen_ai.request.model", "claude-sonnet-4-5")
			.counter()
			.count()).isEqualTo(2 * 0.0012417);
		assertThat(this.meters.get("claude_code.cost").counters()).hasSize(1)
			.allSatisfy((counter) -> assertThat(counter.getId().getBaseUnit()).isEqualTo("usd"));
	}

	@Test
	void subagentsAddNoCostOfTheirOwn() {
		Transcripts.replay(this.observations, "subagent-foreground.jsonl");
		assertThat(this.meters.get("claude_code.cost").counters()).singleElement()
			.satisfies((counter) -> assertThat(counter.getId().getTag("gen_ai.agent.name")).isEqualTo("claude-code"));
		assertThat(this.meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").summaries())
			.extracting((summary) -> summary.getId().getTag("gen_ai.agent.name"))
			.containsExactlyInAnyOrder("claude-code", "general-purpose");
	}

	@Test
	void failedRunWithoutModelCallRecordsNoTokensAndNoCost() {
		Transcripts.replay(this.observations, "api-error-401.jsonl");
		assertThat(this.meters.find("gen_ai.client.token.usage").meters()).isEmpty();
		assertThat(this.meters.find("claude_code.cost").meters()).isEmpty();
	}

	@Test
	void meterCountDoesNotGrowWithTheNumberOfRuns() {
		List<ClaudeMessage> messages = Transcripts.parse("subagent-foreground.jsonl");
		Transcripts.replay(this.observations, messages);
		int afterOneRun = this.meters.getMeters().size();
		for (int run = 1; run < 1000; run++) {
			Transcripts.replay(this.observations, messages);
		}
		assertThat(this.meters.getMeters()).hasSize(afterOneRun);
		assertThat(this.meters.get("gen_ai.client.token.usage")
			.tags("gen_ai.token.type", "input", "gen_ai.agent.name", "claude-code")
			.summary()
			.count()).isEqualTo(2000);
	}

	private DistributionSummary tokenUsage(String tokenType) {
		return this.meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", tokenType).summary();
	}

}
