package io.agentobs.claudecode.session;

import java.util.Objects;

/**
 * Identifies a stored transcript: the main transcript of a session, or, with a
 * {@code subpath} such as {@code subagents/agent-<id>}, a subagent's transcript in it (the
 * TypeScript SDK's {@code SessionKey}).
 *
 * @param projectKey the scope of the session: by default the sanitized working directory
 * ({@link ProjectKeys#of(java.nio.file.Path)}); a tenant id in multi-tenant deployments
 * @param sessionId the session id
 * @param subpath {@code null} for the main transcript, else the subagent transcript's path
 */
public record SessionKey(String projectKey, String sessionId, String subpath) {

	public SessionKey {
		Objects.requireNonNull(projectKey, "projectKey");
		Objects.requireNonNull(sessionId, "sessionId");
		if (projectKey.isEmpty() || sessionId.isEmpty()) {
			throw new IllegalArgumentException("A session key needs a project key and a session id");
		}
		if (subpath != null && subpath.isEmpty()) {
			throw new IllegalArgumentException("The subpath of a session key is null for the main transcript, never empty");
		}
	}

	/**
	 * The key of a session's main transcript.
	 * @param projectKey the project key
	 * @param sessionId the session id
	 * @return the key
	 */
	public static SessionKey main(String projectKey, String sessionId) {
		return new SessionKey(projectKey, sessionId, null);
	}

	/**
	 * Whether this is the main transcript of the session.
	 * @return {@code true} without a subpath
	 */
	public boolean isMain() {
		return this.subpath == null;
	}

}
