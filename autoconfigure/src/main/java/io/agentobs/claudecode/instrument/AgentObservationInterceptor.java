package io.agentobs.claudecode.instrument;

import java.util.List;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;

/**
 * Routes intercepted client calls to the {@link AgentClientInstrumentation} of their SDK.
 */
public class AgentObservationInterceptor implements MethodInterceptor {

	private final List<AgentClientInstrumentation> instrumentations;

	public AgentObservationInterceptor(List<AgentClientInstrumentation> instrumentations) {
		this.instrumentations = List.copyOf(instrumentations);
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Class<?> targetClass = (invocation.getThis() != null) ? AopUtils.getTargetClass(invocation.getThis())
				: invocation.getMethod().getDeclaringClass();
		for (AgentClientInstrumentation instrumentation : this.instrumentations) {
			if (instrumentation.supports(targetClass) && instrumentation.matches(invocation.getMethod(), targetClass)) {
				return instrumentation.invoke(invocation);
			}
		}
		return invocation.proceed();
	}

	List<AgentClientInstrumentation> getInstrumentations() {
		return this.instrumentations;
	}

}
