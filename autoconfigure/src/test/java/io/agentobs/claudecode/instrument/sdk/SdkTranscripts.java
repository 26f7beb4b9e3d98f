package io.agentobs.claudecode.instrument.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springaicommunity.claude.agent.sdk.parsing.MessageParser;
import org.springaicommunity.claude.agent.sdk.types.Message;
import org.springaicommunity.claude.agent.sdk.types.ResultMessage;

/**
 * The real CLI recordings of {@code src/transcripts}, parsed by the claude-code-sdk's own
 * parser: the messages exactly as a user of that SDK receives them.
 */
public final class SdkTranscripts {

	private SdkTranscripts() {
	}

	public static List<Message> messages(String name) {
		MessageParser parser = new MessageParser();
		List<Message> messages = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(Path.of("..", "src", "transcripts", name))) {
				if (!line.isBlank()) {
					Message message = parser.parseMessage(line);
					if (message != null) {
						messages.add(message);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return messages;
	}

	/** The messages split into turns, each ending with its result. */
	public static List<List<Message>> turns(String name) {
		List<List<Message>> turns = new ArrayList<>();
		List<Message> turn = new ArrayList<>();
		for (Message message : messages(name)) {
			turn.add(message);
			if (message instanceof ResultMessage) {
				turns.add(turn);
				turn = new ArrayList<>();
			}
		}
		return turns;
	}

}
