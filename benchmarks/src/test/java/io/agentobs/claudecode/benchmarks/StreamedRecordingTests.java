package io.agentobs.claudecode.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.instrument.client.ClaudeCodeObservations;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streamed workload of {@link PipelineBenchmark}: a valid stream that gives the recorded
 * run's observations.
 */
class StreamedRecordingTests {

	private static final ObjectMapper mapper = new ObjectMapper();

	private final List<String> recorded = recording();

	@ParameterizedTest
	@CsvSource({ "4, 47", "1, 121" })
	void contentDeltasAreSplitIntoDeltasOfTheGivenLength(int charactersPerDelta, int lines) throws IOException {
		List<String> streamed = StreamedRecording.split(this.recorded, charactersPerDelta);
		Map<String, List<String>> recordedDeltas = deltas(this.recorded);
		Map<String, List<String>> streamedDeltas = deltas(streamed);
		assertThat(recordedDeltas.values()).allSatisfy((texts) -> assertThat(texts).hasSize(1));
		assertThat(streamedDeltas.keySet()).containsExactlyElementsOf(recordedDeltas.keySet());
		streamedDeltas.forEach((block, texts) -> {
			assertThat(texts).allSatisfy((text) -> assertThat(text).hasSizeBetween(1, charactersPerDelta));
			assertThat(String.join("", texts)).isEqualTo(recordedDeltas.get(block).get(0));
		});
		assertThat(streamed).hasSize(lines);
	}

	@ParameterizedTest
	@ValueSource(ints = { 4, 1 })
	void everyOtherLineIsUnchangedAndInOrder(int charactersPerDelta) {
		List<String> streamed = StreamedRecording.split(this.recorded, charactersPerDelta);
		assertThat(streamed.stream().filter((line) -> !line.contains("content_block_delta")))
			.containsExactlyElementsOf(
					this.recorded.stream().filter((line) -> !line.contains("content_block_delta")).toList());
	}

	@ParameterizedTest
	@ValueSource(ints = { 4, 1 })
	void splitDeltasHaveTheirOwnUuids(int charactersPerDelta) throws IOException {
		List<String> uuids = new ArrayList<>();
		for (String line : StreamedRecording.split(this.recorded, charactersPerDelta)) {
			uuids.add(mapper.readTree(line).path("uuid").asText());
		}
		assertThat(uuids).doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@ValueSource(ints = { 4, 1 })
	void streamedRunGivesTheRecordedObservations(int charactersPerDelta) {
		List<String> recordedObservations = observations(this.recorded);
		assertThat(recordedObservations).hasSize(4);
		assertThat(observations(StreamedRecording.split(this.recorded, charactersPerDelta)))
			.containsExactlyElementsOf(recordedObservations);
	}

	/** The text of each content delta, per message and block index. */
	private static Map<String, List<String>> deltas(List<String> lines) throws IOException {
		Map<String, List<String>> deltas = new LinkedHashMap<>();
		for (String line : lines) {
			JsonNode node = mapper.readTree(line);
			JsonNode event = node.path("event");
			if ("content_block_delta".equals(event.path("type").asText())) {
				JsonNode delta = event.path("delta");
				String text = delta.has("text") ? delta.path("text").asText() : delta.path("partial_json").asText();
				deltas.computeIfAbsent(node.path("api_message_id").asText() + "#" + event.path("index").asInt(),
						(block) -> new ArrayList<>())
					.add(text);
			}
		}
		return deltas;
	}

	/**
	 * The observations of one run, in the order they stop: name, parent and key values (the
	 * time to first chunk, a duration, as its key only).
	 */
	private static List<String> observations(List<String> lines) {
		List<String> stopped = new ArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				Observation.ContextView parent = (context.getParentObservation() != null)
						? context.getParentObservation().getContextView() : null;
				stopped.add(context.getContextualName() + " < " + ((parent != null) ? parent.getName() : "") + " "
						+ keyValues(context));
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		ClaudeCodeClient client = ClaudeCodeObservations.observe(ReplayClient.parsing(lines), registry, "claude-code");
		try (ClaudeCodeRun run = client.query("Run a command.")) {
			for (ClaudeMessage message : run) {
				assertThat(message).isNotNull();
			}
		}
		return stopped;
	}

	private static String keyValues(Observation.Context context) {
		List<KeyValue> keyValues = new ArrayList<>();
		context.getLowCardinalityKeyValues().forEach(keyValues::add);
		context.getHighCardinalityKeyValues().forEach(keyValues::add);
		return keyValues.stream()
			.map((keyValue) -> keyValue.getKey().endsWith("time_to_first_chunk") ? keyValue.getKey()
					: keyValue.getKey() + "=" + keyValue.getValue())
			.sorted()
			.collect(Collectors.joining(", "));
	}

	private static List<String> recording() {
		try {
			return PipelineBenchmark.lines("partial-messages.jsonl");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
