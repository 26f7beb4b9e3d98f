package io.agentobs.claudecode.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for the observation of Claude Code agent runs.
 */
@ConfigurationProperties("sentry.claude-code")
public class ClaudeCodeObservabilityProperties {

	/**
	 * Whether agent runs are observed.
	 */
	private boolean enabled = true;

	/**
	 * Name of the agent, used in span names ("invoke_agent {agent-name}") and as gen_ai.agent.name.
	 */
	private String agentName = "claude-code";

	/**
	 * Whether prompts, system instructions and tool arguments are recorded. Defaults to the
	 * value of sentry.send-default-pii, else false.
	 */
	private Boolean recordInputs;

	/**
	 * Whether model outputs, tool results and the final result are recorded. Defaults to the
	 * value of sentry.send-default-pii, else false.
	 */
	private Boolean recordOutputs;

	/**
	 * Maximum size of a recorded input or output attribute (at least 16 bytes); longer content
	 * is truncated, keeping valid JSON.
	 */
	private DataSize maxAttributeLength = DataSize.ofKilobytes(20);

	/**
	 * Whether the Claude Code CLI's own OpenTelemetry trace export is turned on and pointed at
	 * the application's OTLP endpoint (management.otlp.tracing.endpoint), so its spans nest
	 * under the agent span.
	 */
	private boolean cliTelemetry;

	/**
	 * Environment variables whose values are secret, besides the credentials found by name
	 * (ANTHROPIC_API_KEY, AWS_SECRET_ACCESS_KEY, *_API_KEY, *_TOKEN, *_SECRET, *_PASSWORD ...):
	 * their values are masked in recorded content.
	 */
	private List<String> secretEnvironmentVariables = new ArrayList<>();

	/**
	 * Whether hooks of the starter give each tool call of this project's client its own run
	 * time and failure reason as the CLI measured them (claude_code.tool.duration_ms,
	 * claude_code.tool.failure); every run then registers them with the CLI.
	 */
	private boolean toolTimingHooks;

	public boolean isEnabled() {
		return this.enabled;
	}

	public boolean isToolTimingHooks() {
		return this.toolTimingHooks;
	}

	public void setToolTimingHooks(boolean toolTimingHooks) {
		this.toolTimingHooks = toolTimingHooks;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getAgentName() {
		return this.agentName;
	}

	public void setAgentName(String agentName) {
		this.agentName = agentName;
	}

	public Boolean getRecordInputs() {
		return this.recordInputs;
	}

	public void setRecordInputs(Boolean recordInputs) {
		this.recordInputs = recordInputs;
	}

	public Boolean getRecordOutputs() {
		return this.recordOutputs;
	}

	public void setRecordOutputs(Boolean recordOutputs) {
		this.recordOutputs = recordOutputs;
	}

	public DataSize getMaxAttributeLength() {
		return this.maxAttributeLength;
	}

	public void setMaxAttributeLength(DataSize maxAttributeLength) {
		this.maxAttributeLength = maxAttributeLength;
	}

	public List<String> getSecretEnvironmentVariables() {
		return this.secretEnvironmentVariables;
	}

	public void setSecretEnvironmentVariables(List<String> secretEnvironmentVariables) {
		this.secretEnvironmentVariables = secretEnvironmentVariables;
	}

	public boolean isCliTelemetry() {
		return this.cliTelemetry;
	}

	public void setCliTelemetry(boolean cliTelemetry) {
		this.cliTelemetry = cliTelemetry;
	}

	// Content budgets

	/**
	 * Maximum recorded content of one span, all its content attributes together (at least 256
	 * bytes); content past it is truncated, keeping valid JSON.
	 */
	private DataSize maxSpanContentLength = DataSize.ofKilobytes(64);

	/**
	 * Maximum recorded content of a run's model calls, tools and subagents together (at least
	 * 256 bytes), so that the run's Sentry transaction stays under Sentry's 1 MB event limit;
	 * past it each content attribute is cut to 256 characters. The top-level agent's prompt
	 * and result are outside this budget.
	 */
	private DataSize maxRunContentLength = DataSize.ofKilobytes(256);

	public DataSize getMaxSpanContentLength() {
		return this.maxSpanContentLength;
	}

	public void setMaxSpanContentLength(DataSize maxSpanContentLength) {
		this.maxSpanContentLength = maxSpanContentLength;
	}

	public DataSize getMaxRunContentLength() {
		return this.maxRunContentLength;
	}

	public void setMaxRunContentLength(DataSize maxRunContentLength) {
		this.maxRunContentLength = maxRunContentLength;
	}

	// Conventions

	/**
	 * Whether keys the conventions deprecate are recorded too (gen_ai.system,
	 * gen_ai.request.available_tools, gen_ai.usage.cost, and gen_ai.tool.type on Sentry
	 * spans), for dashboards built on the old names.
	 */
	private boolean legacyAttributes;

	/**
	 * Semantic conventions opt-in, a comma-separated list as OTEL_SEMCONV_STABILITY_OPT_IN (whose
	 * value it defaults to): "gen_ai_latest_experimental" switches the GenAI metrics from the
	 * released v1.41 names to the development names (gen_ai.client.inference.*, and the
	 * gen_ai.invoke_agent.* and gen_ai.execute_tool.duration metrics).
	 */
	private String semconvStabilityOptIn;

	public String getSemconvStabilityOptIn() {
		return this.semconvStabilityOptIn;
	}

	public void setSemconvStabilityOptIn(String semconvStabilityOptIn) {
		this.semconvStabilityOptIn = semconvStabilityOptIn;
	}

	public boolean isLegacyAttributes() {
		return this.legacyAttributes;
	}

	public void setLegacyAttributes(boolean legacyAttributes) {
		this.legacyAttributes = legacyAttributes;
	}

}
