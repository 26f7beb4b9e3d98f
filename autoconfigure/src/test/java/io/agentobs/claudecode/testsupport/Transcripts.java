package io.agentobs.claudecode.testsupport;

import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.agentobs.claudecode.instrument.client.ClaudeCodeMessageAdapter;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import io.agentobs.claudecode.client.message.SystemMessage;

/**
 * Replays the real CLI recordings in {@code src/transcripts} through the Claude Code adapter
 * and a run recorder, for tests of the backends.
 */
public final class Transcripts {

	private static final Path DIRECTORY = findDirectory();

	private Transcripts() {
	}

	/**
	 * Parses a transcript.
	 * @param name the file name, for example {@code tool-call.jsonl}
	 * @return the messages in order
	 */
	public static List<ClaudeMessage> parse(String name) {
		ClaudeMessageParser parser = new ClaudeMessageParser();
		try {
			return Files.readAllLines(DIRECTORY.resolve(name)).stream().map(parser::parse).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replays a single-turn transcript as one run under the current observation.
	 * @param observations starts the run
	 * @param name the file name
	 * @return the finished recorder
	 */
	public static AgentRunRecorder replay(AgentRunObservations observations, String name) {
		return replay(observations, parse(name));
	}

	/**
	 * Replays the parsed messages of a single-turn transcript as one run under the current
	 * observation.
	 * @param observations starts the run
	 * @param messages the messages
	 * @return the finished recorder
	 */
	public static AgentRunRecorder replay(AgentRunObservations observations, List<ClaudeMessage> messages) {
		return replay(observations, messages, new SessionCost());
	}

	/**
	 * Replays the parsed messages of one turn of a session under the current observation.
	 * @param observations starts the run
	 * @param messages the messages of the turn
	 * @param sessionCost the cost state of the session
	 * @return the finished recorder
	 */
	public static AgentRunRecorder replay(AgentRunObservations observations, List<ClaudeMessage> messages,
			SessionCost sessionCost) {
		ClaudeCodeMessageAdapter adapter = new ClaudeCodeMessageAdapter();
		AgentRunRecorder recorder = observations.startRun("prompt", null, null, sessionCost);
		messages.forEach((message) -> adapter.record(message, recorder));
		if (!recorder.isFinished()) {
			throw new IllegalStateException("The transcript did not finish its run");
		}
		return recorder;
	}

	/**
	 * Replays a single-turn transcript as one run, waiting after each {@code system/api_retry}
	 * as long as the CLI waits before it sends the request again (its {@code retry_delay_ms}),
	 * plus 30 ms.
	 * @param observations starts the run
	 * @param name the file name
	 * @return the finished recorder
	 */
	public static AgentRunRecorder replayWithBackOff(AgentRunObservations observations, String name) {
		ClaudeCodeMessageAdapter adapter = new ClaudeCodeMessageAdapter();
		AgentRunRecorder recorder = observations.startRun("prompt", null, null, new SessionCost());
		for (ClaudeMessage message : parse(name)) {
			adapter.record(message, recorder);
			SystemMessage.ApiRetry retry = (message instanceof SystemMessage system) ? system.apiRetry().orElse(null)
					: null;
			if (retry != null) {
				try {
					Thread.sleep(retry.retryDelayMillis() + 30);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
		return recorder;
	}

	/** The project's {@code src/transcripts}, found from any module directory. */
	private static Path findDirectory() {
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			Path transcripts = directory.resolve("src").resolve("transcripts");
			if (Files.isDirectory(transcripts)) {
				return transcripts;
			}
		}
		throw new IllegalStateException("No src/transcripts above " + Path.of("").toAbsolutePath());
	}

}
