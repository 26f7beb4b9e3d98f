package io.agentobs.claudecode.instrument;

import java.lang.reflect.Modifier;

import org.springframework.aop.framework.ProxyFactory;
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

	/**
	 * Proxies a final class through its interfaces, since it cannot be subclassed.
	 */
	@Override
	protected ProxyFactory prepareProxyFactory(Object bean, String beanName) {
		ProxyFactory proxyFactory = super.prepareProxyFactory(bean, beanName);
		if (proxyFactory.isProxyTargetClass() && Modifier.isFinal(bean.getClass().getModifiers())) {
			proxyFactory.setProxyTargetClass(false);
		}
		return proxyFactory;
	}

}
