package io.agentobs.claudecode.observation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.content.ClaudeCodeInputContentObservationFilter;
import io.agentobs.claudecode.content.ClaudeCodeOutputContentObservationFilter;
import io.agentobs.claudecode.instrument.client.ClaudeCodeMessageAdapter;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;
import io.agentobs.claudecode.sentry.SentryAgentObservationHandler;
import io.agentobs.claudecode.testsupport.ConventionDefinitions;
import io.agentobs.claudecode.testsupport.OtelTracingFixture;
import io.agentobs.claudecode.testsupport.SentryEnvelopeServer;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sentry.ScopesAdapter;
import io.sentry.Sentry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every span attribute that the recorded runs produce against the conventions' own
 * definitions ({@link ConventionDefinitions}): on Sentry spans, every {@code gen_ai.*} key is
 * one {@code @sentry/conventions} defines (else one the OpenTelemetry registry defines), is
 * not deprecated there and has the type it gives; on OpenTelemetry spans, every
 * {@code gen_ai.*} key is defined by the OpenTelemetry registry (else by Sentry, with its
 * type) and not deprecated; recorded content validates against the GenAI JSON schemas.
 * Content recording is on, so that every key is produced.
 */
class ConventionConformanceTests {

	private static final String SYSTEM_PROMPT = "You are a careful agent.";

	@Test
	void sentrySpanDataUsesOnlyDefinedKeysOfTheirTypes() throws IOException {
		List<JsonNode> data = sentrySpanData(false);
		Set<String> keys = new TreeSet<>();
		List<String> violations = sentryViolations(data, keys);
		assertThat(violations).isEmpty();
		assertThat(keys).as("the keys the recorded runs produce")
			.contains("gen_ai.tool.definitions", "gen_ai.cost.total_tokens", "gen_ai.context.window_size",
					"gen_ai.usage.total_tokens", "gen_ai.response.streaming", "gen_ai.input.messages",
					"gen_ai.output.messages", "gen_ai.system_instructions", "gen_ai.tool.call.result");
		assertThat(contentViolations(data)).isEmpty();
	}

	@Test
	void legacyAttributesAreTheKeysTheConventionsDeprecateOrLack() throws IOException {
		List<String> violations = sentryViolations(sentrySpanData(true), new TreeSet<>());
		assertThat(violations).anyMatch((violation) -> violation.startsWith("gen_ai.system: deprecated by Sentry"))
			.anyMatch((violation) -> violation.startsWith("gen_ai.request.available_tools: deprecated by Sentry"))
			.anyMatch((violation) -> violation.startsWith("gen_ai.tool.type: deprecated by Sentry"))
			.anyMatch((violation) -> violation.startsWith("gen_ai.usage.cost: defined neither"));
	}

	private static List<String> sentryViolations(List<JsonNode> data, Set<String> keys) {
		List<String> violations = new ArrayList<>();
		for (JsonNode spanData : data) {
			spanData.fields().forEachRemaining((entry) -> {
				String key = entry.getKey();
				if (key.startsWith("gen_ai.")) {
					keys.add(key);
					checkSentryKey(key, entry.getValue(), violations);
				}
			});
		}
		return violations;
	}

	private static List<JsonNode> sentrySpanData(boolean legacyAttributes) throws IOException {
		List<JsonNode> data = new ArrayList<>();
		try (SentryEnvelopeServer server = new SentryEnvelopeServer()) {
			server.initSentry();
			try {
				ObservationRegistry registry = ObservationRegistry.create();
				recordContent(registry);
				if (legacyAttributes) {
					registry.observationConfig().observationFilter(new LegacyGenAiAttributesObservationFilter());
				}
				registry.observationConfig()
					.observationHandler(
							new SentryAgentObservationHandler(ScopesAdapter.getInstance(), legacyAttributes));
				replayAll(AgentRunObservations.builder(registry).build());
				Sentry.flush(5000);
			}
			finally {
				Sentry.close();
			}
			for (JsonNode transaction : server.items("transaction")) {
				data.add(transaction.at("/contexts/trace/data"));
				transaction.path("spans").forEach((span) -> data.add(span.path("data")));
			}
		}
		return data;
	}

	@Test
	void openTelemetrySpanAttributesAreDefinedAndNotDeprecated() {
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		List<SpanData> spans;
		try (OtelTracingFixture tracing = OtelTracingFixture.inMemory(exporter)) {
			recordContent(tracing.registry());
			replayAll(tracing.observations());
			spans = exporter.getFinishedSpanItems();
		}
		List<String> violations = new ArrayList<>();
		Set<String> keys = new TreeSet<>();
		for (SpanData span : spans) {
			span.getAttributes().forEach((key, value) -> {
				if (key.getKey().startsWith("gen_ai.")) {
					keys.add(key.getKey());
					checkOpenTelemetryKey(key, violations);
				}
			});
		}
		assertThat(violations).isEmpty();
		assertThat(keys).contains("gen_ai.tool.type", "gen_ai.tool.call.id", "gen_ai.agent.id",
				"gen_ai.usage.cache_creation.input_tokens", "gen_ai.response.time_to_first_chunk");
	}

	@Test
	void schemasRejectContentOfAnotherShape() {
		assertThat(ConventionDefinitions.validate("gen_ai.input.messages", "[{\"role\":\"user\",\"content\":\"hi\"}]"))
			.as("parts are required").isNotEmpty();
		assertThat(ConventionDefinitions.validate("gen_ai.system_instructions", "[{\"content\":\"be brief\"}]"))
			.as("a part has a type").isNotEmpty();
		assertThat(ConventionDefinitions.validate("gen_ai.tool.definitions", "[\"Bash\"]"))
			.as("tool names alone are no definitions").isNotEmpty();
	}

	private static void checkSentryKey(String key, JsonNode value, List<String> violations) {
		JsonNode sentry = ConventionDefinitions.sentryAttribute(key);
		if (sentry == null) {
			JsonNode openTelemetry = ConventionDefinitions.openTelemetryAttribute(key);
			if (openTelemetry == null) {
				violations.add(key + ": defined neither by Sentry nor by OpenTelemetry");
			}
			else if (openTelemetry.has("deprecated")) {
				violations.add(key + ": deprecated by OpenTelemetry: " + openTelemetry.get("deprecated").asText());
			}
			else if (!value.isTextual()) {
				violations.add(key + ": not a string: " + value);
			}
			return;
		}
		if (sentry.has("deprecation")) {
			violations.add(key + ": deprecated by Sentry: " + sentry.get("deprecation"));
		}
		String type = sentry.path("type").asText();
		boolean typed = switch (type) {
			case "string" -> value.isTextual();
			case "integer" -> value.isIntegralNumber();
			case "double" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			default -> value.isArray();
		};
		if (!typed) {
			violations.add(key + ": Sentry's type is " + type + " but the value is " + value.getNodeType() + " " + value);
		}
	}

	private static void checkOpenTelemetryKey(AttributeKey<?> key, List<String> violations) {
		JsonNode openTelemetry = ConventionDefinitions.openTelemetryAttribute(key.getKey());
		if (openTelemetry != null) {
			if (openTelemetry.has("deprecated")) {
				violations.add(key.getKey() + ": deprecated by OpenTelemetry: " + openTelemetry.get("deprecated").asText());
			}
			return;
		}
		JsonNode sentry = ConventionDefinitions.sentryAttribute(key.getKey());
		if (sentry == null) {
			violations.add(key.getKey() + ": defined neither by OpenTelemetry nor by Sentry");
			return;
		}
		AttributeType expected = switch (sentry.path("type").asText()) {
			case "integer" -> AttributeType.LONG;
			case "double" -> AttributeType.DOUBLE;
			case "boolean" -> AttributeType.BOOLEAN;
			default -> AttributeType.STRING;
		};
		if (sentry.has("deprecation") || key.getType() != expected) {
			violations.add(key.getKey() + ": " + key.getType() + ", Sentry defines " + sentry);
		}
	}

	static List<String> contentViolations(List<JsonNode> data) {
		List<String> violations = new ArrayList<>();
		Set<String> validated = new LinkedHashSet<>();
		for (JsonNode spanData : data) {
			for (String key : ConventionDefinitions.schemaKeys()) {
				JsonNode value = spanData.get(key);
				if (value != null) {
					validated.add(key);
					ConventionDefinitions.validate(key, value.asText())
						.forEach((message) -> violations.add(key + ": " + message + " in " + value.asText()));
				}
			}
		}
		assertThat(validated).as("content keys validated").containsExactlyInAnyOrderElementsOf(ConventionDefinitions.schemaKeys());
		return violations;
	}

	private static void recordContent(ObservationRegistry registry) {
		registry.observationConfig()
			.observationFilter(new ClaudeCodeInputContentObservationFilter(20_000))
			.observationFilter(new ClaudeCodeOutputContentObservationFilter(20_000));
	}

	private static void replayAll(AgentRunObservations observations) {
		for (String name : Transcripts.names()) {
			List<ClaudeMessage> messages = Transcripts.parse(name);
			ClaudeCodeMessageAdapter adapter = new ClaudeCodeMessageAdapter();
			AgentRunRecorder recorder = observations.startRun("Do the task: " + name, SYSTEM_PROMPT, null,
					new SessionCost());
			messages.forEach((message) -> adapter.record(message, recorder));
			if (!recorder.isFinished()) {
				recorder.abandoned();
			}
		}
	}


}
