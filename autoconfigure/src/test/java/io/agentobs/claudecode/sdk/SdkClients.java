package io.agentobs.claudecode.sdk;

import java.time.Duration;
import java.util.List;

import io.agentobs.claudecode.aop.AgentObservationAdvisor;
import io.agentobs.claudecode.aop.AgentObservationInterceptor;
import io.agentobs.claudecode.instrumentation.AgentObservationFactory;
import io.agentobs.claudecode.instrumentation.AgentRunObservations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.aop.framework.ProxyFactory;

/**
 * Proxies SDK clients with the advisor, as the auto-configuration's post-processor does.
 */
final class SdkClients {

	private SdkClients() {
	}

	static <T> T proxy(T target, Class<T> type, ObservationRegistry registry) {
		return proxy(target, type, registry, ClaudeAgentSdkInstrumentations.DEFAULT_EXIT_GRACE);
	}

	static <T> T proxy(T target, Class<T> type, ObservationRegistry registry, Duration exitGrace) {
		AgentRunObservations observations = new AgentRunObservations(new AgentObservationFactory(registry),
				"claude-code", List.of());
		ProxyFactory proxyFactory = new ProxyFactory(target);
		proxyFactory.addInterface(type);
		proxyFactory.addAdvisor(new AgentObservationAdvisor(new AgentObservationInterceptor(
				ClaudeAgentSdkInstrumentations.create(() -> observations, exitGrace))));
		return type.cast(proxyFactory.getProxy(SdkClients.class.getClassLoader()));
	}

}
