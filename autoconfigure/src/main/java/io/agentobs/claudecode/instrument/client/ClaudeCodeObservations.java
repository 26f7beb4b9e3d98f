package io.agentobs.claudecode.instrument.client;

import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.instrument.AgentObservationAdvisor;
import io.agentobs.claudecode.instrument.AgentObservationInterceptor;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.aop.framework.ProxyFactory;

/**
 * Manual instrumentation for clients that are not Spring beans: wraps a client so that its
 * runs are observed exactly as an auto-configured bean's.
 *
 * <pre class="code">
 * ClaudeCodeClient observed = ClaudeCodeObservations.observe(client, observationRegistry, "my-agent");
 * </pre>
 */
public final class ClaudeCodeObservations {

	private ClaudeCodeObservations() {
	}

	/**
	 * Wraps a client with the default conventions.
	 * @param client the client
	 * @param registry the observation registry
	 * @param agentName the agent name of the runs
	 * @return an observed client
	 */
	public static ClaudeCodeClient observe(ClaudeCodeClient client, ObservationRegistry registry, String agentName) {
		return observe(client, AgentRunObservations.builder(registry).agentName(agentName).build());
	}

	/**
	 * Wraps a client, with conventions, CLI environment and secrets of your own:
	 * {@code observe(client, AgentRunObservations.builder(registry).agentName("my-agent").build())}.
	 * @param client the client
	 * @param observations how runs are observed
	 * @return an observed client
	 */
	public static ClaudeCodeClient observe(ClaudeCodeClient client, AgentRunObservations observations) {
		ProxyFactory proxyFactory = new ProxyFactory(client);
		proxyFactory.addInterface(ClaudeCodeClient.class);
		proxyFactory.addAdvisor(new AgentObservationAdvisor(new AgentObservationInterceptor(
				List.of(new ClaudeCodeClientInstrumentation(() -> observations)))));
		return (ClaudeCodeClient) proxyFactory.getProxy(ClaudeCodeObservations.class.getClassLoader());
	}

}
