package io.agentobs.claudecode.client.message;

import java.util.List;

import io.agentobs.claudecode.testsupport.Transcripts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule that tells which result ends a turn, on real CLI recordings.
 */
class TurnEndTests {

	@Test
	void resultWhileABackgroundTaskRunsDoesNotEndTheTurnButTheResultOfItsFollowUpTurnDoes() {
		List<ClaudeMessage> messages = parse("background-subagent.jsonl");
		TurnEnd turnEnd = new TurnEnd();
		List<Integer> ends = messages.stream().filter(turnEnd::follow).map(messages::indexOf).toList();
		assertThat(ends).containsExactly(messages.size() - 1);
		assertThat(messages.stream().filter(ResultMessage.class::isInstance)).hasSize(2);
	}

	@Test
	void foregroundTaskDoesNotHoldTheTurn() {
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

	private static List<ClaudeMessage> parse(String transcript) {
		return Transcripts.parse(transcript);
	}

}
