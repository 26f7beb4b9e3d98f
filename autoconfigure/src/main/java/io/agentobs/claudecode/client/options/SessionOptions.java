package io.agentobs.claudecode.client.options;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a run or session starts: a new session (with a chosen id), an earlier session
 * resumed or forked, or the latest session of the working directory continued; and its
 * display name. Session ids are validated as UUIDs when built, before any process starts.
 * Set per call ({@code ClaudeCodeOptions.builder().session(...)}): an id chosen in the
 * client's defaults would be reused by every run.
 */
public final class SessionOptions {

	private static final Pattern UUID_FORM = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final String sessionId;

	private final String resume;

	private final boolean continueLatest;

	private final boolean fork;

	private final String name;

	private SessionOptions(Builder builder) {
		this.sessionId = builder.sessionId;
		this.resume = builder.resume;
		this.continueLatest = builder.continueLatest;
		this.fork = builder.fork;
		this.name = builder.name;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A new session with a chosen id ({@code --session-id}).
	 * @param sessionId a UUID
	 * @return the session options
	 */
	public static SessionOptions withId(String sessionId) {
		return builder().sessionId(requireUuid(sessionId, "chosen session id")).build();
	}

	/**
	 * Continues an earlier session ({@code --resume}).
	 * @param sessionId the UUID of the session to resume
	 * @return the session options
	 */
	public static SessionOptions resume(String sessionId) {
		return builder().resume(requireUuid(sessionId, "session id to resume")).build();
	}

	/**
	 * Checks that a session id is a UUID.
	 * @param sessionId the value
	 * @param role what the value is, for the message, e.g. {@code "session id to resume"}
	 * @return the value
	 * @throws IllegalArgumentException when it is not a UUID
	 */
	public static String requireUuid(String sessionId, String role) {
		if (sessionId == null || !UUID_FORM.matcher(sessionId).matches()) {
			throw new IllegalArgumentException("The " + role + " must be a UUID, but was '" + sessionId + "'");
		}
		return sessionId;
	}

	/**
	 * A builder initialized with these options.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return builder().sessionId(this.sessionId)
			.resume(this.resume)
			.continueLatest(this.continueLatest)
			.fork(this.fork)
			.name(this.name);
	}

	/**
	 * The id the new session gets ({@code --session-id}).
	 * @return a UUID or {@code null} for one the CLI chooses
	 */
	public String getSessionId() {
		return this.sessionId;
	}

	/**
	 * The session to resume ({@code --resume}).
	 * @return a UUID or {@code null}
	 */
	public String getResume() {
		return this.resume;
	}

	/**
	 * Whether the latest session of the working directory is continued ({@code --continue}).
	 * @return {@code true} to continue it
	 */
	public boolean isContinueLatest() {
		return this.continueLatest;
	}

	/**
	 * Whether a resumed or continued session goes on under a new id, leaving the original
	 * as it was ({@code --fork-session}).
	 * @return {@code true} to fork
	 */
	public boolean isFork() {
		return this.fork;
	}

	/**
	 * The display name of the session ({@code --name}).
	 * @return the name or {@code null}
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * The session id known before the CLI reports one: the chosen id, else the resumed id
	 * unless forked.
	 * @return the id or {@code null}
	 */
	public String knownSessionId() {
		if (this.sessionId != null) {
			return this.sessionId;
		}
		return this.fork ? null : this.resume;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof SessionOptions that)) {
			return false;
		}
		return this.continueLatest == that.continueLatest && this.fork == that.fork
				&& Objects.equals(this.sessionId, that.sessionId) && Objects.equals(this.resume, that.resume)
				&& Objects.equals(this.name, that.name);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.sessionId, this.resume, this.continueLatest, this.fork, this.name);
	}

	@Override
	public String toString() {
		return "SessionOptions[sessionId=" + this.sessionId + ", resume=" + this.resume + ", continueLatest="
				+ this.continueLatest + ", fork=" + this.fork + ", name=" + this.name + "]";
	}

	/**
	 * Builds {@link SessionOptions}.
	 */
	public static final class Builder {

		private String sessionId;

		private String resume;

		private boolean continueLatest;

		private boolean fork;

		private String name;

		private Builder() {
		}

		public Builder sessionId(String sessionId) {
			this.sessionId = sessionId;
			return this;
		}

		public Builder resume(String resume) {
			this.resume = resume;
			return this;
		}

		public Builder continueLatest(boolean continueLatest) {
			this.continueLatest = continueLatest;
			return this;
		}

		public Builder fork(boolean fork) {
			this.fork = fork;
			return this;
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 * @throws IllegalArgumentException when a session id is not a UUID or the
		 * combination is one the CLI refuses
		 */
		public SessionOptions build() {
			if (this.sessionId != null) {
				requireUuid(this.sessionId, "chosen session id");
			}
			if (this.resume != null) {
				requireUuid(this.resume, "session id to resume");
			}
			if (this.resume != null && this.continueLatest) {
				throw new IllegalArgumentException("A session either resumes a session id or continues the latest");
			}
			boolean earlier = this.resume != null || this.continueLatest;
			if (this.fork && !earlier) {
				throw new IllegalArgumentException("Forking needs a session to resume or continue");
			}
			if (this.sessionId != null && earlier && !this.fork) {
				throw new IllegalArgumentException(
						"A chosen session id with a resumed or continued session needs fork (the CLI refuses it)");
			}
			return new SessionOptions(this);
		}

	}

}
