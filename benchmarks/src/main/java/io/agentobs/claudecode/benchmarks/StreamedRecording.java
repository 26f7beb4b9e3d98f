package io.agentobs.claudecode.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentobs.claudecode.client.message.Json;

/**
 * A recording as Anthropic's token streaming sends it: the scripted API answers each content
 * block with one {@code content_block_delta}, the real API with many of a few tokens each.
 * Each text, thinking and tool input delta is split into deltas of a few characters (4 are
 * about one token), each a copy of the recorded line with its own {@code uuid}. Every other
 * line, the ids, the indexes and the content the deltas add up to are unchanged, so the run
 * gives the same observations from more messages.
 */
final class StreamedRecording {

	private static final ObjectMapper mapper = Json.mapper();

	/** The field holding the streamed text, per delta type. */
	private static final Map<String, String> TEXT_FIELDS = Map.of("text_delta", "text", "input_json_delta",
			"partial_json", "thinking_delta", "thinking");

	private StreamedRecording() {
	}

	/**
	 * Splits the content deltas of a recording.
	 * @param lines the recorded lines
	 * @param charactersPerDelta the length of each delta's text (the last of a block's may be
	 * shorter)
	 * @return the lines with each content delta split
	 */
	static List<String> split(List<String> lines, int charactersPerDelta) {
		List<String> streamed = new ArrayList<>();
		for (String line : lines) {
			streamed.addAll(split(line, charactersPerDelta));
		}
		return List.copyOf(streamed);
	}

	private static List<String> split(String line, int charactersPerDelta) {
		if (!line.contains("\"content_block_delta\"")) {
			return List.of(line);
		}
		JsonNode node = read(line);
		JsonNode delta = node.path("event").path("delta");
		String field = TEXT_FIELDS.get(delta.path("type").asText());
		if (!"content_block_delta".equals(node.path("event").path("type").asText()) || field == null) {
			return List.of(line);
		}
		List<String> chunks = chunks(delta.path(field).asText(), charactersPerDelta);
		List<String> deltas = new ArrayList<>();
		for (int i = 0; i < chunks.size(); i++) {
			ObjectNode copy = node.deepCopy();
			((ObjectNode) copy.path("event").path("delta")).put(field, chunks.get(i));
			if (node.hasNonNull("uuid")) {
				String seed = node.get("uuid").asText() + "/" + i;
				copy.put("uuid", UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString());
			}
			deltas.add(copy.toString());
		}
		return deltas;
	}

	/** The text in pieces of the given length, never halving a surrogate pair. */
	private static List<String> chunks(String text, int length) {
		List<String> chunks = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = Math.min(text.length(), start + length);
			if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
				end++;
			}
			chunks.add(text.substring(start, end));
			start = end;
		}
		return chunks.isEmpty() ? List.of(text) : chunks;
	}

	private static JsonNode read(String line) {
		try {
			return mapper.readTree(line);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not a JSON line: " + line, ex);
		}
	}

}
