package io.agentobs.claudecode.instrument.sdk;

import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.testsupport.Transcripts;
import org.springaicommunity.claude.agent.sdk.parsing.MessageParser;
import org.springaicommunity.claude.agent.sdk.types.Message;
import org.springaicommunity.claude.agent.sdk.types.ResultMessage;

/**
 * The real CLI recordings ({@link Transcripts}), parsed by the claude-code-sdk's own
 * parser: the messages exactly as a user of that SDK receives them.
 */
public final class SdkTranscripts {

	private SdkTranscripts() {
	}

	public static List<Message> messages(String name) {
		MessageParser parser = new MessageParser();
		List<Message> messages = new ArrayList<>();
		try {
			for (String line : Transcripts.lines(name)) {
				if (!line.isBlank()) {
					Message message = parser.parseMessage(line);
					if (message != null) {
						messages.add(message);
					}
				}
			}
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
