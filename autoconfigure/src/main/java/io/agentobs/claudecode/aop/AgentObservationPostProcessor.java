package io.agentobs.claudecode.aop;

import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;

/**
 * Wraps every bean of a supported agent SDK client type in a proxy that observes its runs.
 * Beans that are already proxies get the advisor added instead of a second proxy; other
 * beans are left alone.
 *
 * @see AgentObservationAdvisor
 */
public class AgentObservationPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	public AgentObservationPostProcessor(AgentObservationAdvisor advisor) {
		this.advisor = advisor;
		setBeforeExistingAdvisors(true);
	}

}
