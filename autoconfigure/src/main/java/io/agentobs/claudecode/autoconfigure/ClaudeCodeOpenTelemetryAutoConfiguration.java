package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.otel.ContextualNameSpanFilter;
import io.agentobs.claudecode.otel.TypedAttributesSpanFilter;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the OpenTelemetry backend: {@link SpanFilter} beans, which Spring
 * Boot applies to every exported span, give the spans of agent runs typed attributes and
 * the span names of the telemetry contract.
 */
@AutoConfiguration(afterName = {
		// Spring Boot 4
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		// Spring Boot 3.5
		"org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration" })
@ConditionalOnClass({ SpanFilter.class, OtelFinishedSpan.class })
@ConditionalOnProperty(prefix = "sentry.claude-code", name = "enabled", matchIfMissing = true)
public class ClaudeCodeOpenTelemetryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TypedAttributesSpanFilter claudeCodeTypedAttributesSpanFilter() {
		return new TypedAttributesSpanFilter();
	}

	@Bean
	@ConditionalOnMissingBean
	ContextualNameSpanFilter claudeCodeContextualNameSpanFilter() {
		return new ContextualNameSpanFilter();
	}

}
