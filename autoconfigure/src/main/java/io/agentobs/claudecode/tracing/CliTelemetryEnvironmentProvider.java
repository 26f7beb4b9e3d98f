package io.agentobs.claudecode.tracing;

import java.util.Map;

import io.agentobs.claudecode.run.CliEnvironmentProvider;
import io.micrometer.observation.Observation;

/**
 * Turns on the Claude Code CLI's own OpenTelemetry trace export toward the application's
 * OTLP/HTTP endpoint, so that its {@code claude_code.*} spans nest under the run's span.
 */
public class CliTelemetryEnvironmentProvider implements CliEnvironmentProvider {

	private final Map<String, String> environment;

	/**
	 * Creates the provider.
	 * @param tracesEndpoint the full OTLP/HTTP traces URL, e.g. {@code http://localhost:4318/v1/traces}
	 * @param protocol {@code http/protobuf} or {@code http/json}
	 */
	public CliTelemetryEnvironmentProvider(String tracesEndpoint, String protocol) {
		this.environment = Map.of("CLAUDE_CODE_ENABLE_TELEMETRY", "1", "CLAUDE_CODE_ENHANCED_TELEMETRY_BETA", "1",
				"OTEL_TRACES_EXPORTER", "otlp", "OTEL_METRICS_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "none",
				"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", tracesEndpoint, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", protocol,
				"OTEL_EXPORTER_OTLP_PROTOCOL", protocol);
	}

	@Override
	public Map<String, String> environment(Observation agentObservation) {
		return this.environment;
	}

}
