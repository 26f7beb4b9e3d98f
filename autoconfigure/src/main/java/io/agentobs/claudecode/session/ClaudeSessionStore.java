package io.agentobs.claudecode.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the transcripts of Claude Code sessions outside the CLI's config directory, so that a
 * session continues on any instance and survives a restart: the contract of the TypeScript
 * SDK's {@code SessionStore}. The client appends the entries the CLI mirrors, in batches, off
 * the thread that reads the CLI, and loads them before it resumes a session.
 * <p>
 * Implementations are thread-safe. {@link #append} is idempotent by the entries'
 * {@code uuid}: an entry whose {@code uuid} the key already holds is skipped (a retried batch
 * or a replay stores nothing twice); entries without a {@code uuid} are always appended.
 * Entries of one key load in the order they were appended.
 */
public interface ClaudeSessionStore {

	/**
	 * Stores a batch of entries of one transcript.
	 * @param key the transcript
	 * @param entries the entries, in the order the CLI wrote them
	 * @throws RuntimeException when the batch was not stored (the caller retries)
	 */
	void append(SessionKey key, List<SessionEntry> entries);

	/**
	 * The entries of a transcript.
	 * @param key the transcript
	 * @return its entries in append order, or empty when the key was never written
	 */
	Optional<List<SessionEntry>> load(SessionKey key);

	/**
	 * Whether a transcript has entries, checked when a session is resumed, before its entries
	 * are loaded.
	 * @param key the transcript
	 * @return {@code true} when it has at least one entry
	 */
	default boolean contains(SessionKey key) {
		return load(key).isPresent();
	}

	/**
	 * The sessions of a project.
	 * @param projectKey the project key
	 * @return its sessions, newest first
	 */
	List<StoredSession> listSessions(String projectKey);

	/**
	 * The subagent transcripts of a session.
	 * @param projectKey the project key
	 * @param sessionId the session id
	 * @return the subpaths of its subagent transcripts
	 */
	List<String> listSubpaths(String projectKey, String sessionId);

	/**
	 * Deletes a transcript; the main transcript's key deletes the whole session with its
	 * subagent transcripts.
	 * @param key the transcript
	 */
	void delete(SessionKey key);

	/**
	 * Deletes every session whose last entry was stored before a time (retention).
	 * @param cutoff the time
	 * @return how many sessions were deleted
	 */
	int deleteSessionsOlderThan(Instant cutoff);

}
