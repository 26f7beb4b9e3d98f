package io.agentobs.claudecode.instrument.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ToolResultText}: images and documents are recorded as placeholders.
 */
class ToolResultTextTests {

	private static final ObjectMapper OBJECT_MAPPER = new ObjectMapper();

	@Test
	void textBlocksAreJoined() throws Exception {
		assertThat(ToolResultText.of(json("[{\"type\":\"text\",\"text\":\"one\"},{\"type\":\"text\",\"text\":\"two\"}]")))
			.isEqualTo("one\ntwo");
	}

	@Test
	void imageAndDocumentDataIsReplacedByAPlaceholder() throws Exception {
		String data = "iVBORw0KGgo".repeat(1000);
		JsonNode content = json("[{\"type\":\"text\",\"text\":\"Here is the file\"},"
				+ "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + data
				+ "\"}},{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\","
				+ "\"data\":\"JVBERi0x\"}}]");
		assertThat(ToolResultText.of(content)).isEqualTo("Here is the file\n[image: image/png, 11000 bytes base64]\n"
				+ "[document: application/pdf, 8 bytes base64]");
	}

	@Test
	void otherBlocksKeepTheirJsonButNoImageData() throws Exception {
		JsonNode content = json("[{\"type\":\"search_result\",\"title\":\"t\"},"
				+ "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/a.png\"}}]");
		assertThat(ToolResultText.of(content)).isEqualTo("[{\"type\":\"search_result\",\"title\":\"t\"},"
				+ "{\"type\":\"image\",\"source\":\"[image: https://example.com/a.png]\"}]");
	}

	private static JsonNode json(String text) throws Exception {
		return OBJECT_MAPPER.readTree(text);
	}

}
