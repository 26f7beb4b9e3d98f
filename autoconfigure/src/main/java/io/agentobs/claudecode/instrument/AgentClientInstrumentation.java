package io.agentobs.claudecode.instrument;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInvocation;

/**
 * Instruments the query methods of one agent SDK's client type. The
 * {@link AgentObservationAdvisor} proxies the beans of every supported type and routes their
 * matching calls here.
 */
public interface AgentClientInstrumentation {

	/**
	 * Whether beans of the given class are clients of this SDK.
	 * @param beanClass the bean's class
	 * @return {@code true} to proxy such beans
	 */
	boolean supports(Class<?> beanClass);

	/**
	 * Whether the given method starts an agent run (or a session) and so must be observed.
	 * @param method the method
	 * @param targetClass the bean's class
	 * @return {@code true} to intercept the method
	 */
	boolean matches(Method method, Class<?> targetClass);

	/**
	 * Calls the method and wraps what it returns so that the run is observed.
	 * @param invocation the call
	 * @return the result for the caller, carrying every message unchanged
	 * @throws Throwable whatever the client throws
	 */
	Object invoke(MethodInvocation invocation) throws Throwable;

}
