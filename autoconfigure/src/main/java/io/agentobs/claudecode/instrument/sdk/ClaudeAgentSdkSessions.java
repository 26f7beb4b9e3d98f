package io.agentobs.claudecode.instrument.sdk;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import io.agentobs.claudecode.instrument.AgentMessageAdapter;
import io.agentobs.claudecode.run.AgentRunObservations;
import org.springaicommunity.claude.agent.sdk.types.Message;

/**
 * The observation state of each SDK client, held no longer than the client itself.
 */
final class ClaudeAgentSdkSessions {

	/** Weak keys: a session must not keep its client alive, and it holds no reference to it. */
	private final Map<Object, ClaudeAgentSdkSession> sessions = Collections.synchronizedMap(new WeakHashMap<>());

	private final Supplier<AgentRunObservations> observations;

	private final AgentMessageAdapter<Message> adapter = new ClaudeAgentSdkMessageAdapter();

	private final CliProcessWatch processWatch;

	/**
	 * Creates the sessions.
	 * @param observations supplies the run observations, resolved on first use
	 * @param exitGrace how long a turn may still receive its result after the CLI exited
	 */
	ClaudeAgentSdkSessions(Supplier<AgentRunObservations> observations, Duration exitGrace) {
		this.observations = observations;
		this.processWatch = new CliProcessWatch(exitGrace);
	}

	/**
	 * The state of the given client.
	 * @param client the SDK client (the proxy's target)
	 * @return its session, created on first use
	 */
	ClaudeAgentSdkSession of(Object client) {
		return this.sessions.computeIfAbsent(client,
				(key) -> new ClaudeAgentSdkSession(this.observations, this.adapter, this.processWatch));
	}

}
