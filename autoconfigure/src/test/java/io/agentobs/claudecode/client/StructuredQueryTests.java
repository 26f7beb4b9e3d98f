package io.agentobs.claudecode.client;

import java.util.List;

import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.options.OutputSchemas;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StructuredQuery}, {@link OutputSchemas} and the structured output of a
 * {@link ResultMessage}.
 */
class StructuredQueryTests {

	record Forecast(String city, int temperature, List<String> notes) {
	}

	private final ClaudeMessageParser parser = new ClaudeMessageParser();

	@Test
	void theSchemaOfARecordRequiresEveryComponentAndNoOthers() {
		assertThat(OutputSchemas.of(Forecast.class).toString()).isEqualTo("{\"type\":\"object\",\"properties\":{"
				+ "\"city\":{\"type\":\"string\"},\"notes\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
				+ "\"temperature\":{\"type\":\"integer\"}},\"additionalProperties\":false,"
				+ "\"required\":[\"city\",\"notes\",\"temperature\"]}");
	}

	@Test
	void aSuccessfulResultIsReadAsTheType() {
		ResultMessage result = result("\"subtype\":\"success\",\"is_error\":false,"
				+ "\"structured_output\":{\"city\":\"Paris\",\"temperature\":21,\"notes\":[\"sunny\"]}");
		assertThat(result.structuredOutput().path("city").asText()).isEqualTo("Paris");
		assertThat(StructuredQuery.read(result, Forecast.class))
			.isEqualTo(new Forecast("Paris", 21, List.of("sunny")));
	}

	@Test
	void aRunWithoutAValidValueEndsWithAClearException() {
		ResultMessage retries = result("\"subtype\":\"error_max_structured_output_retries\",\"is_error\":true,"
				+ "\"errors\":[\"Failed to provide valid structured output\"]");
		assertThatExceptionOfType(StructuredOutputException.class)
			.isThrownBy(() -> StructuredQuery.read(retries, Forecast.class))
			.withMessage("The Claude Code run ended with error_max_structured_output_retries instead of a structured "
					+ "result: [Failed to provide valid structured output]")
			.satisfies((ex) -> assertThat(ex.getResult()).isSameAs(retries));
		ResultMessage missing = result("\"subtype\":\"success\",\"is_error\":false");
		assertThat(missing.structuredOutput()).isNull();
		assertThatExceptionOfType(StructuredOutputException.class)
			.isThrownBy(() -> StructuredQuery.read(missing, Forecast.class))
			.withMessageContaining("no structured_output");
		ResultMessage misfit = result(
				"\"subtype\":\"success\",\"is_error\":false,\"structured_output\":{\"city\":\"Paris\",\"temperature\":\"warm\"}");
		assertThatExceptionOfType(StructuredOutputException.class)
			.isThrownBy(() -> StructuredQuery.read(misfit, Forecast.class))
			.withMessageContaining("does not fit " + Forecast.class.getName());
	}

	private ResultMessage result(String fields) {
		return (ResultMessage) this.parser.parse("{\"type\":\"result\"," + fields + ",\"session_id\":\"s\"}");
	}

}
