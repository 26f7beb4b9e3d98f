package io.agentobs.claudecode.session;

import java.time.Duration;

/**
 * Told what becomes of the batches a {@link SessionMirrorWriter} hands to its store (on the
 * writer's thread), and of the loads of stored sessions before a resume (on the thread that
 * starts the CLI): the hook of metrics. Must not block.
 */
public interface SessionMirrorListener {

	/**
	 * A listener that does nothing.
	 */
	SessionMirrorListener NONE = new SessionMirrorListener() {
	};

	/**
	 * A batch was stored.
	 * @param key the transcript
	 * @param entries how many entries it had
	 * @param bytes the size of their JSON
	 * @param latency how long the store took, retries included
	 */
	default void stored(SessionKey key, int entries, long bytes, Duration latency) {
	}

	/**
	 * A batch was dropped after its last attempt failed.
	 * @param key the transcript
	 * @param entries how many entries it had
	 * @param failure the last attempt's failure
	 */
	default void dropped(SessionKey key, int entries, Exception failure) {
	}

	/**
	 * A stored session was loaded before the CLI resumed it.
	 * @param key the session's main transcript
	 * @param entries how many entries were loaded, its subagents' included
	 * @param bytes the size of their JSON lines
	 * @param latency how long the load took
	 */
	default void loaded(SessionKey key, long entries, long bytes, Duration latency) {
	}

	/**
	 * The load of a stored session failed.
	 * @param key the session's main transcript
	 * @param failure why
	 * @param latency how long it took to fail
	 */
	default void loadFailed(SessionKey key, Exception failure, Duration latency) {
	}

}
