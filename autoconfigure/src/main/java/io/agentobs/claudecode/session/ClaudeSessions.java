package io.agentobs.claudecode.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stored sessions of one project, as the TypeScript SDK's {@code listSessions},
 * {@code getSessionMessages}, {@code renameSession}, {@code tagSession}, {@code forkSession}
 * and {@code deleteSession} see them with a session store: renaming and tagging append a
 * {@code custom-title} or {@code tag} entry, forking copies the transcript under a new id.
 */
public class ClaudeSessions {

	private final ClaudeSessionStore store;

	private final String projectKey;

	/**
	 * The sessions of a project.
	 * @param store the store
	 * @param projectKey the project key ({@link ProjectKeys#of(java.nio.file.Path)} of the
	 * working directory the client runs in)
	 */
	public ClaudeSessions(ClaudeSessionStore store, String projectKey) {
		this.store = store;
		this.projectKey = projectKey;
	}

	/**
	 * The stored sessions, newest first.
	 * @return the sessions
	 */
	public List<StoredSession> list() {
		return this.store.listSessions(this.projectKey);
	}

	/**
	 * The conversation of a session: its {@code user} and {@code assistant} entries.
	 * @param sessionId the session
	 * @return the entries, in order
	 * @throws IllegalArgumentException naming the id when the store does not have it
	 */
	public List<SessionEntry> messages(String sessionId) {
		return load(sessionId).stream()
			.filter((entry) -> entry.type().equals("user") || entry.type().equals("assistant"))
			.toList();
	}

	/**
	 * Gives a session a title.
	 * @param sessionId the session
	 * @param title the title, not blank
	 */
	public void rename(String sessionId, String title) {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("A session's title must not be blank");
		}
		load(sessionId);
		append(sessionId, entry("custom-title", sessionId).put("customTitle", title.trim()));
	}

	/**
	 * Tags a session.
	 * @param sessionId the session
	 * @param tag the tag, {@code null} to clear it
	 */
	public void tag(String sessionId, String tag) {
		load(sessionId);
		append(sessionId, entry("tag", sessionId).put("tag", (tag != null) ? tag.trim() : ""));
	}

	/**
	 * Copies a session under a new id; resuming the copy leaves the original as it was.
	 * @param sessionId the session
	 * @return the new session's id
	 */
	public String fork(String sessionId) {
		String forkId = UUID.randomUUID().toString();
		List<SessionEntry> copies = new ArrayList<>();
		for (SessionEntry entry : load(sessionId)) {
			JsonNode json = entry.toJson();
			if (json instanceof ObjectNode object && object.has("sessionId")) {
				object.put("sessionId", forkId);
			}
			copies.add(SessionEntry.of(json));
		}
		this.store.append(SessionKey.main(this.projectKey, forkId), copies);
		return forkId;
	}

	/**
	 * Deletes a session with its subagent transcripts.
	 * @param sessionId the session
	 */
	public void delete(String sessionId) {
		this.store.delete(SessionKey.main(this.projectKey, sessionId));
	}

	private List<SessionEntry> load(String sessionId) {
		return this.store.load(SessionKey.main(this.projectKey, sessionId))
			.orElseThrow(() -> new IllegalArgumentException(
					"The session store has no session '" + sessionId + "' (project key '" + this.projectKey + "')"));
	}

	private void append(String sessionId, ObjectNode entry) {
		this.store.append(SessionKey.main(this.projectKey, sessionId), List.of(SessionEntry.of(entry)));
	}

	private static ObjectNode entry(String type, String sessionId) {
		ObjectNode entry = JsonNodeFactory.instance.objectNode();
		entry.put("type", type);
		entry.put("sessionId", sessionId);
		entry.put("uuid", UUID.randomUUID().toString());
		entry.put("timestamp", Instant.now().toString());
		return entry;
	}

}
