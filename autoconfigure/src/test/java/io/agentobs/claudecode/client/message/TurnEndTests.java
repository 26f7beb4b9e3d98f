package io.agentobs.claudecode.client.message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule that tells which result ends a turn, on real CLI recordings.
 */
class TurnEndTests {

	private static final Path TRANSCRIPTS = Path.of("..", "src", "transcripts");

	private final ClaudeMessageParser parser = new ClaudeMessageParser();

	@Test
	void resultWhileABackgroundTaskRunsDoesNotEndTheTurnButTheResultOfItsFollowUpTurnDoes() throws IOException {
		List<ClaudeMessage> messages = parse("background-subagent.jsonl");
		TurnEnd turnEnd = new TurnEnd();
		List<Integer> ends = messages.stream().filter(turnEnd::follow).map(messages::indexOf).toList();
		assertThat(ends).containsExactly(messages.size() - 1);
		assertThat(messages.stream().filter(ResultMessage.class::isInstance)).hasSize(2);
	}

	@Test
	void foregroundTaskDoesNotHoldTheTurn() throws IOException {
		List<ClaudeMessage> messages = parse("slow-bash-task.jsonl");
		TurnEnd turnEnd = new TurnEnd();
		assertThat(messages.stream().filter(turnEnd::follow)).singleElement().isInstanceOf(ResultMessage.class);
	}

	@Test
	void taskThatEndedSinceTheTurnStartedHoldsTheTurnUntilTheNextTurnStarts() {
		TurnEnd turnEnd = new TurnEnd();
		turnEnd.backgroundTaskStarted("task-1");
		assertThat(turnEnd.resultEndsTurn()).isFalse();
		turnEnd.taskEnded("task-1");
		assertThat(turnEnd.resultEndsTurn()).isFalse();
		turnEnd.turnStarted();
		assertThat(turnEnd.resultEndsTurn()).isTrue();
		turnEnd.taskEnded("unknown");
		assertThat(turnEnd.resultEndsTurn()).isTrue();
	}

	private List<ClaudeMessage> parse(String transcript) throws IOException {
		return Files.readAllLines(TRANSCRIPTS.resolve(transcript)).stream().map(this.parser::parse).toList();
	}

}
