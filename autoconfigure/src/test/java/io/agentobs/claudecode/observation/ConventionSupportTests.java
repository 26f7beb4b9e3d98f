package io.agentobs.claudecode.observation;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConventionSupportTests {

	private final ObjectMapper objectMapper = new ObjectMapper();

	@Test
	void jsonArrayIsWhatJacksonWrites() throws Exception {
		List<List<String>> lists = List.of(List.of(), List.of("end_turn"), List.of("Bash", "Read", "mcp__github__search"),
				List.of("quote \" inside"), List.of("back\\slash", "plain"), List.of("new\nline\ttab\u0001"),
				List.of("caf\u00e9 \u2028 \ud83d\ude00 / <>"), Arrays.asList("a", null, "b"));
		for (List<String> values : lists) {
			assertThat(ConventionSupport.jsonArray(values)).isEqualTo(this.objectMapper.writeValueAsString(values));
		}
	}

}
