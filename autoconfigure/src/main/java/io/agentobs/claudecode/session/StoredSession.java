package io.agentobs.claudecode.session;

import java.time.Instant;

/**
 * A session a store holds.
 *
 * @param projectKey the project key
 * @param sessionId the session id
 * @param lastModified when an entry of it was last stored (storage time)
 */
public record StoredSession(String projectKey, String sessionId, Instant lastModified) {

}
