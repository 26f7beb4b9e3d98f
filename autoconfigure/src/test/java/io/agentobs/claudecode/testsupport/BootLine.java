package io.agentobs.claudecode.testsupport;

import java.util.Arrays;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.util.ClassUtils;

/**
 * The Spring Boot line the tests run on, and the names its auto-configurations and
 * properties have there. Tests name Boot's classes through this, never by import, so that one
 * compiled test runs on Spring Boot 3.5 and on Spring Boot 4.
 */
public enum BootLine {

	/** Spring Boot 4.0 and 4.1: observability in its own modules, Sentry's Boot 4 starter. */
	BOOT_4("org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
			new String[] { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
					"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
					"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" },
			new String[] { "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
					"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
					"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" },
			new String[] { "org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration",
					"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.zipkin.ZipkinWithOpenTelemetryTracingAutoConfiguration" },
			"org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
			"io.sentry.spring.boot4.SentryAutoConfiguration", "management.opentelemetry.tracing.export.otlp.endpoint",
			"management.tracing.export.zipkin.endpoint"),

	/** Spring Boot 3.5: observability in the actuator auto-configuration, Sentry's jakarta starter. */
	BOOT_3("org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
			new String[] { "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
					"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
					"org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration" },
			new String[] { "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration",
					"org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration",
					"org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration" },
			new String[] { "org.springframework.boot.actuate.autoconfigure.tracing.zipkin.ZipkinAutoConfiguration" },
			"org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration",
			"io.sentry.spring.boot.jakarta.SentryAutoConfiguration", "management.otlp.tracing.endpoint",
			"management.zipkin.tracing.endpoint");

	private final String observation;

	private final String[] metrics;

	private final String[] openTelemetryTracing;

	private final String[] zipkin;

	private final String prometheus;

	private final String sentry;

	private final String otlpTracingEndpointProperty;

	private final String zipkinEndpointProperty;

	BootLine(String observation, String[] metrics, String[] openTelemetryTracing, String[] zipkin, String prometheus,
			String sentry, String otlpTracingEndpointProperty, String zipkinEndpointProperty) {
		this.observation = observation;
		this.metrics = metrics;
		this.openTelemetryTracing = openTelemetryTracing;
		this.zipkin = zipkin;
		this.prometheus = prometheus;
		this.sentry = sentry;
		this.otlpTracingEndpointProperty = otlpTracingEndpointProperty;
		this.zipkinEndpointProperty = zipkinEndpointProperty;
	}

	/**
	 * The line of the Spring Boot on the class path.
	 */
	public static BootLine current() {
		return SpringBootVersion.getVersion().startsWith("3.") ? BOOT_3 : BOOT_4;
	}

	/** Boot's observation auto-configuration. */
	public AutoConfigurations observation() {
		return of(this.observation);
	}

	/** Boot's metrics auto-configurations with the simple registry. */
	public AutoConfigurations metrics() {
		return of(this.metrics);
	}

	/** Boot's OpenTelemetry SDK, Micrometer Tracing and OpenTelemetry tracing auto-configurations. */
	public AutoConfigurations openTelemetryTracing() {
		return of(this.openTelemetryTracing);
	}

	/** Boot's Zipkin export auto-configurations. */
	public AutoConfigurations zipkin() {
		return of(this.zipkin);
	}

	/** Boot's Prometheus metrics export auto-configuration. */
	public AutoConfigurations prometheus() {
		return of(this.prometheus);
	}

	/** The auto-configuration of Sentry's starter for this line. */
	public AutoConfigurations sentry() {
		return of(this.sentry);
	}

	/** The name of the property of the OTLP traces endpoint. */
	public String otlpTracingEndpointProperty() {
		return this.otlpTracingEndpointProperty;
	}

	/** The name of the property of the Zipkin spans endpoint. */
	public String zipkinEndpointProperty() {
		return this.zipkinEndpointProperty;
	}

	private static AutoConfigurations of(String... classNames) {
		return AutoConfigurations.of(Arrays.stream(classNames).map(BootLine::load).toArray(Class<?>[]::new));
	}

	private static Class<?> load(String className) {
		try {
			return ClassUtils.forName(className, BootLine.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Spring Boot " + SpringBootVersion.getVersion() + " has no " + className
					+ ": is the module that holds it on the test class path?", ex);
		}
	}

}
