package io.agentobs.claudecode.instrument;

import java.lang.reflect.Method;
import java.util.List;

import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Advisor that observes the query methods of agent SDK clients: its pointcut matches the
 * classes and methods the {@link AgentClientInstrumentation}s support.
 */
public class AgentObservationAdvisor extends AbstractPointcutAdvisor {

	private final AgentObservationInterceptor interceptor;

	private final Pointcut pointcut;

	public AgentObservationAdvisor(AgentObservationInterceptor interceptor) {
		this.interceptor = interceptor;
		this.pointcut = new AgentClientPointcut(interceptor.getInstrumentations());
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

	private static final class AgentClientPointcut extends StaticMethodMatcherPointcut {

		private final List<AgentClientInstrumentation> instrumentations;

		AgentClientPointcut(List<AgentClientInstrumentation> instrumentations) {
			this.instrumentations = instrumentations;
			setClassFilter(this::supports);
		}

		private boolean supports(Class<?> beanClass) {
			return this.instrumentations.stream().anyMatch((instrumentation) -> instrumentation.supports(beanClass));
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return this.instrumentations.stream()
				.anyMatch((instrumentation) -> instrumentation.supports(targetClass)
						&& instrumentation.matches(method, targetClass));
		}

	}

}
