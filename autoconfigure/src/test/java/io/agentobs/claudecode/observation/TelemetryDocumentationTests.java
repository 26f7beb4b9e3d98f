package io.agentobs.claudecode.observation;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.agentobs.claudecode.metrics.GenAiMeterDocumentation;
import io.agentobs.claudecode.testsupport.ProjectDocuments;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.docs.ObservationDocumentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/telemetry.md} and the documentation enums from drifting apart: every key,
 * observation name, span name and meter name of the code is in the document, and the
 * attribute table of each span (a table whose first header cell is {@code attribute}, under a
 * {@code ### `operation`} heading) lists exactly the keys of that span's documentation enum.
 */
class TelemetryDocumentationTests {

	private static final Pattern HEADING = Pattern.compile("^#{2,3} (.*)$");

	private static final Pattern KEY_CELL = Pattern.compile("^`([^`\\s]+)`$");

	private static String document;

	private static Map<String, List<String>> attributeTables;

	@BeforeAll
	static void readDocument() throws IOException {
		List<String> lines = Files.readAllLines(ProjectDocuments.find("telemetry.md"));
		document = String.join("\n", lines);
		attributeTables = attributeTables(lines);
	}

	@Test
	void everyKeyOfTheDocumentationEnumsIsDocumented() {
		assertThat(undocumented(allKeys().stream())).as("keys missing from docs/telemetry.md").isEmpty();
	}

	@Test
	void everySpanHasAnAttributeTableWithExactlyItsKeys() {
		assertThat(attributeTables).containsOnlyKeys(spans().keySet());
		spans().forEach((operation, documentation) -> assertThat(attributeTables.get(operation))
			.as("attribute table of %s", operation)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(keys(documentation)));
	}

	@Test
	void everyKeyInAnAttributeTableIsAKeyOfTheCode() {
		Set<String> keys = allKeys();
		assertThat(attributeTables.values().stream().flatMap(List::stream).filter((key) -> !keys.contains(key)))
			.as("keys in the attribute tables of docs/telemetry.md that no documentation enum has")
			.isEmpty();
	}

	@Test
	void observationNamesAndSpanNamesAreDocumented() {
		Stream<String> names = Stream.of(DefaultAgentInvocationObservationConvention.DEFAULT_NAME,
				DefaultChatObservationConvention.DEFAULT_NAME, DefaultToolExecutionObservationConvention.DEFAULT_NAME,
				new DefaultAgentInvocationObservationConvention()
					.getContextualName(new AgentInvocationObservationContext("{agent}")),
				new DefaultChatObservationConvention().getContextualName(new ChatObservationContext("{model}")),
				new DefaultToolExecutionObservationConvention()
					.getContextualName(new ToolExecutionObservationContext("{tool}", null)));
		assertThat(undocumented(names)).as("observation and span names missing from docs/telemetry.md").isEmpty();
	}

	@Test
	void meterNamesAndTheirKeysAreDocumented() {
		Stream<String> meters = Stream.of(GenAiMeterDocumentation.values()).map(GenAiMeterDocumentation::getName);
		Stream<String> keys = Stream.of(GenAiMeterDocumentation.TokenUsageKeyNames.values()).map(KeyName::asString);
		Stream<String> names = Stream.concat(meters, keys);
		assertThat(undocumented(names)).as("meter names and keys missing from docs/telemetry.md").isEmpty();
	}

	private static List<String> undocumented(Stream<String> names) {
		return names.filter((name) -> !document.contains("`" + name + "`")).toList();
	}

	private static Map<String, ObservationDocumentation> spans() {
		Map<String, ObservationDocumentation> spans = new LinkedHashMap<>();
		spans.put(GenAiOperationName.INVOKE_AGENT.value(), AgentInvocationObservationDocumentation.AGENT_INVOCATION);
		spans.put(GenAiOperationName.CHAT.value(), ChatObservationDocumentation.CHAT);
		spans.put(GenAiOperationName.EXECUTE_TOOL.value(), ToolExecutionObservationDocumentation.TOOL_EXECUTION);
		spans.put(SessionLoadObservationDocumentation.DefaultConvention.NAME,
				SessionLoadObservationDocumentation.SESSION_LOAD);
		return spans;
	}

	private static Set<String> keys(ObservationDocumentation documentation) {
		Set<String> keys = new LinkedHashSet<>();
		Stream.of(documentation.getLowCardinalityKeyNames()).map(KeyName::asString).forEach(keys::add);
		Stream.of(documentation.getHighCardinalityKeyNames()).map(KeyName::asString).forEach(keys::add);
		return keys;
	}

	private static Set<String> allKeys() {
		Set<String> keys = new LinkedHashSet<>();
		spans().values().forEach((documentation) -> keys.addAll(keys(documentation)));
		return keys;
	}

	/**
	 * The keys of each attribute table, by the operation in the heading above it. A row's
	 * first cell must be one key in backticks.
	 */
	private static Map<String, List<String>> attributeTables(List<String> lines) {
		Map<String, List<String>> tables = new LinkedHashMap<>();
		String heading = null;
		List<String> table = null;
		for (String line : lines) {
			Matcher matcher = HEADING.matcher(line);
			if (matcher.matches()) {
				heading = matcher.group(1).replace("`", "").trim();
				continue;
			}
			if (!line.startsWith("|")) {
				table = null;
				continue;
			}
			String firstCell = line.substring(1, line.indexOf('|', 1)).trim();
			if (table == null && "attribute".equals(firstCell)) {
				assertThat(tables).as("attribute tables under heading %s", heading).doesNotContainKey(heading);
				table = new ArrayList<>();
				tables.put(heading, table);
			}
			else if (table != null && !firstCell.startsWith("---")) {
				Matcher key = KEY_CELL.matcher(firstCell);
				assertThat(key.matches()).as("first cell of attribute row '%s'", line).isTrue();
				table.add(key.group(1));
			}
		}
		return tables;
	}

}
