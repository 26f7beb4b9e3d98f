package io.agentobs.claudecode.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives Prometheus meter registries the {@link AnnotationUnitNamingConvention}, so the GenAI
 * meters read well in Prometheus on every Spring Boot line. The registry is matched by class
 * name: Micrometer's Prometheus registry is optional.
 */
public class PrometheusNamingPostProcessor implements BeanPostProcessor {

	static final String PROMETHEUS_REGISTRY = "io.micrometer.prometheusmetrics.PrometheusMeterRegistry";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof MeterRegistry registry && PROMETHEUS_REGISTRY.equals(registry.getClass().getName())
				&& !(registry.config().namingConvention() instanceof AnnotationUnitNamingConvention)) {
			registry.config().namingConvention(new AnnotationUnitNamingConvention(registry.config().namingConvention()));
		}
		return bean;
	}

}
