package io.agentobs.claudecode.client.cli;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.session.SessionKey;
import io.agentobs.claudecode.session.SessionMirrorListener;

/**
 * Tells the consumer of a run that transcript entries were dropped, as the TypeScript SDK
 * does: a {@code system} message with subtype {@code mirror_error} ({@code error}, {@code key},
 * {@code uuid}, {@code session_id}) added to the run's messages without waiting; and passes
 * every batch on to the client's listener (metrics).
 */
final class MirrorErrorReporter implements SessionMirrorListener {

	private final SessionMirrorListener delegate;

	private final Supplier<ClaudeCliProcess> process;

	MirrorErrorReporter(SessionMirrorListener delegate, Supplier<ClaudeCliProcess> process) {
		this.delegate = delegate;
		this.process = process;
	}

	@Override
	public void stored(SessionKey key, int entries, long bytes, Duration latency) {
		this.delegate.stored(key, entries, bytes, latency);
	}

	@Override
	public void dropped(SessionKey key, int entries, Exception failure) {
		try {
			this.delegate.dropped(key, entries, failure);
		}
		finally {
			ClaudeCliProcess target = this.process.get();
			if (target != null) {
				target.offer(mirrorError(key, String.valueOf(failure)));
			}
		}
	}

	static SystemMessage mirrorError(SessionKey key, String error) {
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.put("type", "system");
		message.put("subtype", "mirror_error");
		message.put("error", error);
		ObjectNode keyNode = message.putObject("key");
		keyNode.put("projectKey", key.projectKey());
		keyNode.put("sessionId", key.sessionId());
		if (key.subpath() != null) {
			keyNode.put("subpath", key.subpath());
		}
		message.put("uuid", UUID.randomUUID().toString());
		message.put("session_id", key.sessionId());
		return new SystemMessage("mirror_error", key.sessionId(), message);
	}

}
