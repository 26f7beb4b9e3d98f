package io.agentobs.claudecode.session;

import java.time.Duration;

/**
 * Told what becomes of the batches a {@link SessionMirrorWriter} hands to its store: the hook
 * of metrics and span events. Called on the writer's thread; must not block.
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

}
