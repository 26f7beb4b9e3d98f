package io.agentobs.claudecode.instrument.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.agentobs.claudecode.instrument.AgentClientInstrumentation;
import io.agentobs.claudecode.run.AgentRunObservations;

import org.springframework.util.ClassUtils;

/**
 * The instrumentations of the {@code org.springaicommunity:claude-code-sdk} clients present
 * on the class path: {@code ClaudeSyncClient}, and {@code ClaudeAsyncClient} when Reactor is
 * present too.
 */
public final class ClaudeAgentSdkInstrumentations {

	/** How long a turn may still receive its result after the CLI process exited. */
	public static final Duration DEFAULT_EXIT_GRACE = Duration.ofSeconds(2);

	private static final String SDK_CLIENT = "org.springaicommunity.claude.agent.sdk.ClaudeSyncClient";

	private static final String REACTOR = "reactor.core.publisher.Flux";

	private ClaudeAgentSdkInstrumentations() {
	}

	/**
	 * Creates the instrumentations of the SDK clients present.
	 * @param observations supplies the run observations, resolved on first use
	 * @return the instrumentations, empty when the SDK is absent
	 */
	public static List<AgentClientInstrumentation> create(Supplier<AgentRunObservations> observations) {
		return create(observations, DEFAULT_EXIT_GRACE);
	}

	static List<AgentClientInstrumentation> create(Supplier<AgentRunObservations> observations, Duration exitGrace) {
		ClassLoader classLoader = ClaudeAgentSdkInstrumentations.class.getClassLoader();
		List<AgentClientInstrumentation> instrumentations = new ArrayList<>();
		if (!ClassUtils.isPresent(SDK_CLIENT, classLoader)) {
			return instrumentations;
		}
		ClaudeAgentSdkSessions sessions = new ClaudeAgentSdkSessions(observations, exitGrace);
		instrumentations.add(new ClaudeSyncClientInstrumentation(sessions));
		if (ClassUtils.isPresent(REACTOR, classLoader)) {
			instrumentations.add(new ClaudeAsyncClientInstrumentation(sessions));
		}
		return instrumentations;
	}

}
