package io.agentobs.claudecode.instrument.sdk;

import java.time.Duration;

import io.agentobs.claudecode.instrument.AgentObservationAdvisor;
import io.agentobs.claudecode.instrument.AgentObservationInterceptor;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.aop.framework.ProxyFactory;

/**
 * Proxies SDK clients with the advisor, as the auto-configuration's post-processor does.
 */
public final class SdkClients {

	private SdkClients() {
	}

	static <T> T proxy(T target, Class<T> type, ObservationRegistry registry) {
		return proxy(target, type, registry, ClaudeAgentSdkInstrumentations.DEFAULT_EXIT_GRACE);
	}

	static <T> T proxy(T target, Class<T> type, ObservationRegistry registry, Duration exitGrace) {
		AgentRunObservations observations = AgentRunObservations.builder(registry).build();
		ProxyFactory proxyFactory = new ProxyFactory(target);
		proxyFactory.addInterface(type);
		proxyFactory.addAdvisor(new AgentObservationAdvisor(new AgentObservationInterceptor(
				ClaudeAgentSdkInstrumentations.create(() -> observations, exitGrace))));
		return type.cast(proxyFactory.getProxy(SdkClients.class.getClassLoader()));
	}

}
