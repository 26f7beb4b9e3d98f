package io.agentobs.claudecode.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Mutations of a recorded CLI transcript (its JSON lines) for fuzzing: truncation, dropped,
 * duplicated and reordered lines, malformed JSON, unknown types, missing and mistyped fields,
 * huge content, a second result, unknown parent ids, a {@code task_started} after its tool
 * result, a {@code tool_use} without name, and control lines: permission requests, unknown and
 * malformed requests, cancels, answers to unknown ids, a CLI that dies mid-request; a permission denial, rate limit, tool progress,
 * compaction or budget result line anywhere, and tool calls renamed to the tools the
 * telemetry reads ({@code StructuredOutput}, {@code Skill}, MCP tools).
 */
public enum TranscriptMutations {

	TRUNCATE((lines, random) -> new ArrayList<>(lines.subList(0, random.nextInt(lines.size() + 1)))),

	DROP((lines, random) -> {
		List<String> mutated = new ArrayList<>(lines);
		if (!mutated.isEmpty()) {
			mutated.remove(random.nextInt(mutated.size()));
		}
		return mutated;
	}),

	DUPLICATE((lines, random) -> {
		List<String> mutated = new ArrayList<>(lines);
		if (!mutated.isEmpty()) {
			int index = random.nextInt(mutated.size());
			mutated.add(index + random.nextInt(mutated.size() - index) + 1, mutated.get(index));
		}
		return mutated;
	}),

	REORDER((lines, random) -> {
		List<String> mutated = new ArrayList<>(lines);
		if (!mutated.isEmpty()) {
			String line = mutated.remove(random.nextInt(mutated.size()));
			mutated.add(random.nextInt(mutated.size() + 1), line);
		}
		return mutated;
	}),

	MALFORMED((lines, random) -> replaceOne(lines, random, (line) -> line.substring(0, random.nextInt(line.length())))),

	UNKNOWN_TYPE((lines, random) -> editOne(lines, random, (json) -> {
		json.put(random.nextBoolean() ? "type" : "subtype", "unknown_" + random.nextInt(3));
	})),

	MISSING_FIELD((lines, random) -> editOne(lines, random, (json) -> {
		List<Map.Entry<ObjectNode, String>> fields = fields(json);
		Map.Entry<ObjectNode, String> field = fields.get(random.nextInt(fields.size()));
		field.getKey().remove(field.getValue());
	})),

	MISTYPED_FIELD((lines, random) -> editOne(lines, random, (json) -> {
		List<Map.Entry<ObjectNode, String>> fields = fields(json);
		Map.Entry<ObjectNode, String> field = fields.get(random.nextInt(fields.size()));
		field.getKey().set(field.getValue(), anyValue(random));
	})),

	HUGE_CONTENT((lines, random) -> editOne(lines, random, (json) -> {
		List<Map.Entry<ObjectNode, String>> fields = fields(json);
		Map.Entry<ObjectNode, String> field = fields.get(random.nextInt(fields.size()));
		field.getKey().put(field.getValue(), "x".repeat(256 * 1024));
	})),

	SECOND_RESULT((lines, random) -> {
		List<String> mutated = new ArrayList<>(lines);
		lines.stream().filter((line) -> line.contains("\"type\":\"result\"")).findFirst().ifPresent(mutated::add);
		return mutated;
	}),

	UNKNOWN_PARENT((lines, random) -> editOne(lines, random, (json) -> {
		String field = json.has("tool_use_id") ? "tool_use_id" : "parent_tool_use_id";
		json.put(field, "toolu_unknown_" + random.nextInt(3));
	})),

	TASK_AFTER_TOOL_RESULT((lines, random) -> {
		List<String> mutated = new ArrayList<>(lines);
		for (int i = 0; i < mutated.size(); i++) {
			if (mutated.get(i).contains("\"subtype\":\"task_started\"")) {
				String task = mutated.remove(i);
				int result = indexOfLast(mutated, "\"tool_result\"");
				mutated.add(Math.min(mutated.size(), result + 1), task);
				break;
			}
		}
		return mutated;
	}),

	NAMELESS_TOOL_USE((lines, random) -> {
		List<String> mutated = new ArrayList<>(lines);
		for (int i = 0; i < mutated.size(); i++) {
			if (mutated.get(i).contains("\"type\":\"tool_use\"")) {
				mutated.set(i, mutated.get(i).replaceFirst("\"name\":\"[A-Za-z]+\",", ""));
				break;
			}
		}
		return mutated;
	}),

	/** A {@code can_use_tool} request of the CLI somewhere in the output. */
	PERMISSION_REQUEST((lines, random) -> insert(lines, random, permissionRequest(random))),

	/** A control request of an unknown subtype. */
	UNKNOWN_CONTROL_REQUEST((lines, random) -> insert(lines, random,
			"{\"type\":\"control_request\",\"request_id\":\"cli-" + random.nextInt(5)
					+ "\",\"request\":{\"subtype\":\"unknown_" + random.nextInt(3) + "\"}}")),

	/** A control line cut short, without request id, or with a request that is no object. */
	MALFORMED_CONTROL((lines, random) -> insert(lines, random, switch (random.nextInt(3)) {
		case 0 -> permissionRequest(random).substring(0, 30 + random.nextInt(40));
		case 1 -> "{\"type\":\"control_request\",\"request\":{\"subtype\":\"can_use_tool\"}}";
		default -> "{\"type\":\"control_request\",\"request_id\":\"cli-9\",\"request\":\"can_use_tool\"}";
	})),

	/** A request followed by its withdrawal, or a withdrawal of a request never made. */
	CANCEL_REQUEST((lines, random) -> {
		String id = "cli-" + random.nextInt(5);
		List<String> mutated = random.nextBoolean() ? insert(lines, random, permissionRequest(random).replaceFirst(
				"\"request_id\":\"cli-[0-9]\"", "\"request_id\":\"" + id + "\"")) : new ArrayList<>(lines);
		mutated.add(random.nextInt(mutated.size() + 1), "{\"type\":\"control_cancel_request\",\"request_id\":\"" + id + "\"}");
		return mutated;
	}),

	/** An answer to a request the client never made. */
	ANSWER_TO_UNKNOWN_ID((lines, random) -> insert(lines, random,
			"{\"type\":\"control_response\",\"response\":{\"subtype\":\"" + (random.nextBoolean() ? "success" : "error")
					+ "\",\"request_id\":\"req_unknown_" + random.nextInt(3) + "\",\"error\":\"no\"}}")),

	/** The CLI asks permission and its output ends there: it died mid-request. */
	DIES_MID_REQUEST((lines, random) -> {
		List<String> mutated = new ArrayList<>(lines.subList(0, random.nextInt(lines.size() + 1)));
		mutated.add(permissionRequest(random));
		return mutated;
	}),

	/** A permission denial, rate limit, tool progress, compaction or budget result line. */
	RUN_EVENT_LINE((lines, random) -> {
		List<String> mutated = new ArrayList<>(lines);
		String toolUseId = (random.nextBoolean() && !mutated.isEmpty()) ? toolUseId(mutated) : "toolu_unknown";
		String line = switch (random.nextInt(5)) {
			case 0 -> "{\"type\":\"system\",\"subtype\":\"permission_denied\",\"tool_name\":\"Bash\","
					+ "\"tool_use_id\":\"" + toolUseId + "\",\"decision_reason_type\":\"rule\","
					+ "\"message\":\"Permission to use Bash has been denied.\",\"session_id\":\"s\"}";
			case 1 -> "{\"type\":\"rate_limit_event\",\"rate_limit_info\":{\"status\":\"allowed_warning\","
					+ "\"rateLimitType\":\"five_hour\",\"utilization\":0.9},\"session_id\":\"s\"}";
			case 2 -> "{\"type\":\"tool_progress\",\"tool_use_id\":\"" + toolUseId + "\",\"tool_name\":\"Bash\","
					+ "\"parent_tool_use_id\":null,\"elapsed_time_seconds\":3.5,\"session_id\":\"s\"}";
			case 3 -> "{\"type\":\"system\",\"subtype\":\"compact_boundary\",\"compact_metadata\":"
					+ "{\"trigger\":\"auto\",\"pre_tokens\":150000},\"session_id\":\"s\"}";
			default -> "{\"type\":\"result\",\"subtype\":\"error_max_budget_usd\",\"is_error\":true,"
					+ "\"structured_output\":{\"answer\":42},\"permission_denials\":[{\"tool_name\":\"Bash\","
					+ "\"tool_use_id\":\"" + toolUseId + "\",\"tool_input\":{}}],\"session_id\":\"s\"}";
		};
		mutated.add(random.nextInt(mutated.size() + 1), line);
		return mutated;
	}),

	/** A tool call renamed to a tool the telemetry reads. */
	SPECIAL_TOOL_NAME((lines, random) -> {
		List<String> mutated = new ArrayList<>(lines);
		String[] names = { "StructuredOutput", "Skill", "mcp__probe__lookup", "mcp__", "Bash" };
		for (int i = 0; i < mutated.size(); i++) {
			if (mutated.get(i).contains("\"type\":\"tool_use\"")) {
				mutated.set(i, mutated.get(i)
					.replaceFirst("\"name\":\"[A-Za-z]+\"", "\"name\":\"" + names[random.nextInt(names.length)] + "\""));
				break;
			}
		}
		return mutated;
	});

	private static final ObjectMapper objectMapper = new ObjectMapper();

	private static final Pattern TOOL_USE_ID = Pattern.compile("\"id\":\"(toolu_[^\"]+)\"");

	private final BiFunction<List<String>, Random, List<String>> mutation;

	TranscriptMutations(BiFunction<List<String>, Random, List<String>> mutation) {
		this.mutation = mutation;
	}

	public List<String> apply(List<String> lines, Random random) {
		return this.mutation.apply(lines, random);
	}

	private static List<String> insert(List<String> lines, Random random, String line) {
		List<String> mutated = new ArrayList<>(lines);
		mutated.add(random.nextInt(mutated.size() + 1), line);
		return mutated;
	}

	private static String permissionRequest(Random random) {
		return "{\"type\":\"control_request\",\"request_id\":\"cli-" + random.nextInt(5)
				+ "\",\"request\":{\"subtype\":\"can_use_tool\",\"tool_name\":\"Bash\",\"input\":{\"command\":\"ls\"},"
				+ "\"tool_use_id\":\"toolu_fuzz_" + random.nextInt(5) + "\"}}";
	}

	private static List<String> replaceOne(List<String> lines, Random random,
			java.util.function.Function<String, String> change) {
		List<String> mutated = new ArrayList<>(lines);
		if (!mutated.isEmpty()) {
			int index = random.nextInt(mutated.size());
			if (!mutated.get(index).isEmpty()) {
				mutated.set(index, change.apply(mutated.get(index)));
			}
		}
		return mutated;
	}

	private static List<String> editOne(List<String> lines, Random random,
			java.util.function.Consumer<ObjectNode> edit) {
		return replaceOne(lines, random, (line) -> {
			try {
				JsonNode json = objectMapper.readTree(line);
				if (!(json instanceof ObjectNode object) || fields(object).isEmpty()) {
					return line;
				}
				edit.accept(object);
				return object.toString();
			}
			catch (JsonProcessingException ex) {
				return line;
			}
		});
	}

	/** Every (object, field name) pair of a JSON tree. */
	private static List<Map.Entry<ObjectNode, String>> fields(JsonNode node) {
		List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
		collect(node, fields);
		return fields;
	}

	private static void collect(JsonNode node, List<Map.Entry<ObjectNode, String>> fields) {
		if (node instanceof ObjectNode object) {
			object.fieldNames().forEachRemaining((name) -> fields.add(Map.entry(object, name)));
			object.elements().forEachRemaining((child) -> collect(child, fields));
		}
		else if (node instanceof ArrayNode array) {
			array.elements().forEachRemaining((child) -> collect(child, fields));
		}
	}

	private static JsonNode anyValue(Random random) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		return switch (random.nextInt(6)) {
			case 0 -> nodes.nullNode();
			case 1 -> nodes.numberNode(random.nextInt(1000) - 500);
			case 2 -> nodes.textNode("text-" + random.nextInt(10));
			case 3 -> nodes.booleanNode(random.nextBoolean());
			case 4 -> nodes.arrayNode().add(1).add("two");
			default -> nodes.objectNode().put("unexpected", true);
		};
	}

	/**
	 * The id of the first tool call of a transcript.
	 */
	private static String toolUseId(List<String> lines) {
		for (String line : lines) {
			Matcher matcher = TOOL_USE_ID.matcher(line);
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		return "toolu_unknown";
	}

	private static int indexOfLast(List<String> lines, String text) {
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).contains(text)) {
				return i;
			}
		}
		return lines.size() - 1;
	}

}
