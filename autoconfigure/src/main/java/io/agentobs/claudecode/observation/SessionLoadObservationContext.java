package io.agentobs.claudecode.observation;

import io.micrometer.common.lang.Nullable;
import io.micrometer.observation.Observation;

/**
 * Context of the observation of a stored session's load before the CLI resumes it: a child
 * of the {@code invoke_agent} of the turn that resumes it, from the start of the read to the
 * transcript written where the CLI finds it.
 */
public class SessionLoadObservationContext extends Observation.Context {

	private final String sessionId;

	private long entries;

	private long bytes;

	@Nullable
	private String errorType;

	/**
	 * Creates the context.
	 * @param sessionId the session loaded
	 */
	public SessionLoadObservationContext(String sessionId) {
		this.sessionId = sessionId;
	}

	public String getSessionId() {
		return this.sessionId;
	}

	/**
	 * How many transcript entries were loaded, its subagents' included.
	 * @return the entries
	 */
	public long getEntries() {
		return this.entries;
	}

	public void setEntries(long entries) {
		this.entries = entries;
	}

	/**
	 * The size of the loaded entries' JSON lines.
	 * @return the bytes
	 */
	public long getBytes() {
		return this.bytes;
	}

	public void setBytes(long bytes) {
		this.bytes = bytes;
	}

	/**
	 * Why the load failed: the failure's class name.
	 * @return the error type, {@code null} when it succeeded
	 */
	@Nullable
	public String getErrorType() {
		return this.errorType;
	}

	public void setErrorType(@Nullable String errorType) {
		this.errorType = errorType;
	}

}
