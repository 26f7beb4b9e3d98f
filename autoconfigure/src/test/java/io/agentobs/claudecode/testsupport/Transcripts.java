package io.agentobs.claudecode.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ClaudeMessageParser;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.instrument.client.ClaudeCodeMessageAdapter;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.SessionCost;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The real CLI recordings, {@code transcripts/*.jsonl} on the test class path (this module's
 * {@code src/test/resources/transcripts}, also read from its test jar by the compatibility
 * modules): their lines, their messages, and replays through the Claude Code adapter and a
 * run recorder, for tests of the backends. {@code docs/testing.md} says how to record one.
 */
public final class Transcripts {

	/** Where the recordings are on the class path. */
	public static final String LOCATION = "transcripts/";

	private Transcripts() {
	}

	/**
	 * The names of every recording on the class path.
	 * @return the file names, for example {@code tool-call.jsonl}, sorted
	 */
	public static List<String> names() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver(Transcripts.class.getClassLoader())
				.getResources("classpath*:" + LOCATION + "*.jsonl");
			return Arrays.stream(resources).map(Resource::getFilename).distinct().sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The lines of a recording, one JSON object each.
	 * @param name the file name, for example {@code tool-call.jsonl}
	 * @return the lines in order
	 */
	public static List<String> lines(String name) {
		try (InputStream in = Transcripts.class.getClassLoader().getResourceAsStream(LOCATION + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No " + LOCATION + name + " on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes a recording to a file, for a fake CLI that prints it.
	 * @param name the file name
	 * @param directory where to write it
	 * @return the written file
	 */
	public static Path copy(String name, Path directory) {
		try {
			return Files.write(directory.resolve(name), lines(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Parses a transcript.
	 * @param name the file name, for example {@code tool-call.jsonl}
	 * @return the messages in order
	 */
	public static List<ClaudeMessage> parse(String name) {
		ClaudeMessageParser parser = new ClaudeMessageParser();
		return lines(name).stream().map(parser::parse).toList();
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

}
