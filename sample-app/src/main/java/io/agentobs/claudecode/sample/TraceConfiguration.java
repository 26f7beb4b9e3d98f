package io.agentobs.claudecode.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Collects the exported spans in memory, next to any other exporter (Zipkin, OTLP).
 */
@Configuration(proxyBeanMethods = false)
class TraceConfiguration {

	@Bean
	CollectingSpanExporter collectingSpanExporter() {
		return new CollectingSpanExporter();
	}

}
