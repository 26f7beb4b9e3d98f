package io.agentobs.claudecode.observation;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;

import io.agentobs.claudecode.metrics.GenAiMeterDocumentation;
import io.agentobs.claudecode.testsupport.ProjectDocuments;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the span events, the {@code error.type} values and the meter keys of the run events in
 * {@code docs/telemetry.md}: each is named there in backticks.
 */
class RunEventsDocumentationTests {

	private static String document;

	@BeforeAll
	static void readDocument() throws IOException {
		document = Files.readString(ProjectDocuments.find("telemetry.md"));
	}

	@Test
	void everySpanEventIsDocumented() {
		Stream<String> events = Stream
			.of(AgentInvocationObservationDocumentation.AGENT_INVOCATION.getEvents(),
					ChatObservationDocumentation.CHAT.getEvents(),
					ToolExecutionObservationDocumentation.TOOL_EXECUTION.getEvents())
			.flatMap(Stream::of)
			.map(Observation.Event::getName);
		assertThat(events.filter(RunEventsDocumentationTests::undocumented)).as("span events missing").isEmpty();
	}

	@Test
	void everyErrorTypeIsDocumented() {
		assertThat(Stream.of(AgentErrorType.values())
			.map(AgentErrorType::value)
			.filter(RunEventsDocumentationTests::undocumented)).as("error.type values missing").isEmpty();
	}

	@Test
	void everyMeterKeyIsDocumented() {
		assertThat(Stream.of(GenAiMeterDocumentation.RateLimitKeyNames.values())
			.map(KeyName::asString)
			.filter(RunEventsDocumentationTests::undocumented)).as("meter keys missing").isEmpty();
	}

	private static boolean undocumented(String name) {
		return !document.contains("`" + name + "`");
	}

}
