package io.agentobs.claudecode.content;

import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.agentobs.claudecode.observation.ChatOutputPart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonContentTruncatorTests {

	private static final int FIVE_MB = 5 * 1024 * 1024;

	private static final ObjectMapper STRICT = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private final JsonContentTruncator truncator = new JsonContentTruncator(20 * 1024);

	@Test
	void contentWithinTheLimitIsWrittenUnchanged() throws Exception {
		String json = this.truncator.write(GenAiContent.inputMessages("Review the diff"));
		assertThat(json)
			.isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Review the diff\"}]}]");
	}

	@Test
	void hugePromptIsShortenedToValidJsonWithinTheLimitKeepingTheMessageShape() throws Exception {
		String json = this.truncator.write(GenAiContent.inputMessages("x".repeat(FIVE_MB)));
		assertThat(json.length()).isLessThanOrEqualTo(20 * 1024);
		JsonNode parsed = parse(json);
		assertThat(parsed.at("/0/role").asText()).isEqualTo("user");
		assertThat(parsed.at("/0/parts/0/type").asText()).isEqualTo("text");
		String content = parsed.at("/0/parts/0/content").asText();
		assertThat(content).startsWith("xxxx").endsWith(JsonContentTruncator.MARKER);
		// Uses the budget rather than cutting far too much
		assertThat(json.length()).isGreaterThan(20 * 1024 - 100);
	}

	@Test
	void contentNeedingEscapesIsShortenedToValidJsonWithinTheLimit() throws Exception {
		String nasty = "\"\\\n\t\u0001</script>é😀".repeat(FIVE_MB / 16);
		String json = this.truncator.write(GenAiContent.toolCallResult(nasty));
		assertThat(json.length()).isLessThanOrEqualTo(20 * 1024);
		assertThat(parse(json).asText()).startsWith("\"\\\n\t\u0001</script>").endsWith(JsonContentTruncator.MARKER);
	}

	@Test
	void surrogatePairsAreNeverSplit() throws Exception {
		JsonContentTruncator small = new JsonContentTruncator(101);
		for (int length = 50; length < 120; length++) {
			String json = small.write(GenAiContent.toolCallResult("😀".repeat(length)));
			String text = parse(json).asText();
			String kept = text.substring(0, text.length() - JsonContentTruncator.MARKER.length());
			assertThat(json.length()).isLessThanOrEqualTo(101);
			assertThat(kept.codePoints().allMatch((codePoint) -> codePoint == "😀".codePointAt(0)))
				.as("kept %s", kept)
				.isTrue();
		}
	}

	@Test
	void longestStringsAreShortenedFirstAndShortOnesAreKept() throws Exception {
		List<ChatOutputPart> parts = List.of(new ChatOutputPart.Text("short text"),
				new ChatOutputPart.ToolCall("toolu_1", "Write",
						"{\"file_path\":\"/tmp/a.txt\",\"content\":\"" + "y".repeat(FIVE_MB) + "\"}"));
		String json = this.truncator.write(GenAiContent.outputMessages(parts));
		assertThat(json.length()).isLessThanOrEqualTo(20 * 1024);
		JsonNode parsed = parse(json);
		assertThat(parsed.at("/0/parts/0/content").asText()).isEqualTo("short text");
		assertThat(parsed.at("/0/parts/1/id").asText()).isEqualTo("toolu_1");
		assertThat(parsed.at("/0/parts/1/arguments/file_path").asText()).isEqualTo("/tmp/a.txt");
		assertThat(parsed.at("/0/parts/1/arguments/content").asText()).endsWith(JsonContentTruncator.MARKER);
	}

	@Test
	void contentWhoseStructureAloneIsTooLongBecomesAShortenedJsonString() throws Exception {
		ArrayNode numbers = JsonNodeFactory.instance.arrayNode();
		for (int i = 0; i < 100_000; i++) {
			numbers.add(i);
		}
		String json = this.truncator.write(numbers);
		assertThat(json.length()).isLessThanOrEqualTo(20 * 1024);
		JsonNode parsed = parse(json);
		assertThat(parsed.isTextual()).isTrue();
		assertThat(parsed.asText()).startsWith("[0,1,2,3").endsWith(JsonContentTruncator.MARKER);
	}

	@Test
	void smallestLimitStillGivesValidJson() throws Exception {
		JsonContentTruncator smallest = new JsonContentTruncator(JsonContentTruncator.MIN_MAX_LENGTH);
		String json = smallest.write(GenAiContent.inputMessages("z".repeat(10_000)));
		assertThat(json.length()).isLessThanOrEqualTo(JsonContentTruncator.MIN_MAX_LENGTH);
		assertThat(parse(json).asText()).isEqualTo(JsonContentTruncator.MARKER);
	}

	@Test
	void limitBelowTheMarkerIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonContentTruncator(JsonContentTruncator.MIN_MAX_LENGTH - 1))
			.withMessageContaining("maxLength");
	}

	@Test
	void everyLimitGivesValidJsonWithinIt() throws Exception {
		JsonNode content = GenAiContent.outputMessages(List.of(new ChatOutputPart.Text("a\"b\n".repeat(200)),
				new ChatOutputPart.ToolCall("toolu_1", "Bash", "{\"command\":\"" + "ls ".repeat(300) + "\"}")));
		for (int limit = JsonContentTruncator.MIN_MAX_LENGTH; limit < 3000; limit += 7) {
			String json = new JsonContentTruncator(limit).write(content);
			assertThat(json.length()).as("limit %d", limit).isLessThanOrEqualTo(limit);
			parse(json);
		}
	}

	private static JsonNode parse(String json) throws Exception {
		return STRICT.readTree(json);
	}

}
