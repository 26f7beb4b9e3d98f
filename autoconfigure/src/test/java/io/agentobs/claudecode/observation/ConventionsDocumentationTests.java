package io.agentobs.claudecode.observation;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.agentobs.claudecode.testsupport.ConventionDefinitions;
import io.agentobs.claudecode.testsupport.ProjectDocuments;
import io.micrometer.common.docs.KeyName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the key table of {@code docs/conventions.md} ("defined by" per key) in step with the
 * documentation enums and the vendored definitions: every key is listed once, and every
 * convention a row names defines the key (and marks it deprecated when the row says so).
 */
class ConventionsDocumentationTests {

	private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]+) \\| ([^|]+) \\|$");

	private static Map<String, String> definers;

	@BeforeAll
	static void readDocument() throws IOException {
		definers = new LinkedHashMap<>();
		boolean inTable = false;
		for (String line : Files.readAllLines(ProjectDocuments.find("conventions.md"))) {
			if (line.startsWith("| key | spans | defined by |")) {
				inTable = true;
				continue;
			}
			if (inTable && !line.startsWith("|")) {
				break;
			}
			Matcher row = ROW.matcher(line);
			if (inTable && row.matches()) {
				assertThat(definers).as("rows of %s", row.group(1)).doesNotContainKey(row.group(1));
				definers.put(row.group(1), row.group(3).trim());
			}
		}
	}

	@Test
	void everyKeyOfTheCodeIsListedAndNoOther() {
		assertThat(definers.keySet()).containsExactlyInAnyOrderElementsOf(keys());
	}

	@Test
	void theConventionsNamedDefineTheKey() {
		definers.forEach((key, definer) -> {
			if (definer.contains("Sentry")) {
				assertThat(ConventionDefinitions.sentryAttribute(key)).as("Sentry's %s", key).isNotNull();
				assertThat(definer.contains("deprecated"))
					.as("%s deprecated by Sentry", key)
					.isEqualTo(ConventionDefinitions.sentryAttribute(key).has("deprecation"));
				assertThat(definer).as("Sentry's type of %s", key)
					.contains("Sentry (`" + ConventionDefinitions.sentryAttribute(key).get("type").asText() + "`)");
			}
			else if (key.startsWith("gen_ai.")) {
				assertThat(ConventionDefinitions.sentryAttribute(key)).as("Sentry's %s, not named", key).isNull();
			}
			if (definer.contains("OpenTelemetry v1.41")) {
				assertThat(ConventionDefinitions.openTelemetryAttribute(key)).as("OpenTelemetry's %s", key).isNotNull();
			}
			else if (key.startsWith("gen_ai.")) {
				assertThat(ConventionDefinitions.openTelemetryAttribute(key)).as("OpenTelemetry's %s, not named", key)
					.isNull();
			}
			if (definer.equals("this project")) {
				assertThat(key).startsWith("claude_code.");
			}
		});
	}

	private static Set<String> keys() {
		Set<String> keys = new LinkedHashSet<>();
		for (var documentation : List.of(AgentInvocationObservationDocumentation.AGENT_INVOCATION,
				ChatObservationDocumentation.CHAT, ToolExecutionObservationDocumentation.TOOL_EXECUTION,
				SessionLoadObservationDocumentation.SESSION_LOAD)) {
			Stream.concat(Stream.of(documentation.getLowCardinalityKeyNames()),
					Stream.of(documentation.getHighCardinalityKeyNames()))
				.map(KeyName::asString)
				.forEach(keys::add);
		}
		return keys;
	}

}
