package io.agentobs.claudecode.instrument.sdk;

import java.lang.ref.WeakReference;

import io.agentobs.claudecode.observation.AgentRunControl;
import io.agentobs.claudecode.run.RunInterruption;
import org.springaicommunity.claude.agent.sdk.ClaudeAsyncClient;
import org.springaicommunity.claude.agent.sdk.ClaudeSyncClient;

/**
 * Stops a turn of an SDK client with the client's own {@code interrupt()} and
 * {@code close()}. The client is held weakly: the turn's state must not keep it alive.
 */
final class SdkRunControl {

	private SdkRunControl() {
	}

	/**
	 * Attaches the control of the given turn to its observation.
	 * @param client the SDK client (the proxy's target)
	 * @param run the turn
	 */
	static void attach(Object client, ClaudeAgentSdkRun run) {
		WeakReference<Object> reference = new WeakReference<>(client);
		RunInterruption.attach(run.recorder(), () -> interrupt(reference.get()), () -> {
			run.failed(AgentRunControl.INTERRUPTED, "The claude-code-sdk client was closed on request");
			close(reference.get());
		});
	}

	private static void interrupt(Object client) {
		if (client instanceof ClaudeSyncClient sync) {
			sync.interrupt();
		}
		else if (client instanceof ClaudeAsyncClient async) {
			async.interrupt().subscribe();
		}
	}

	private static void close(Object client) {
		if (client instanceof ClaudeSyncClient sync) {
			sync.close();
		}
		else if (client instanceof ClaudeAsyncClient async) {
			async.close().subscribe();
		}
	}

}
