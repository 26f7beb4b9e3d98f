package io.agentobs.claudecode.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Claude Code client: the defaults of every run.
 */
@ConfigurationProperties("claude-code")
public class ClaudeCodeClientProperties {

	/**
	 * Path to the Claude Code CLI executable; when not set, CLAUDE_CODE_CLI_PATH, the PATH
	 * and the build's install location are searched.
	 */
	private Path cliPath;

	/**
	 * Name of the model the CLI uses.
	 */
	private String model;

	/**
	 * Path to the working directory of the CLI process, where its tools run.
	 */
	private Path workingDirectory;

	/**
	 * Names of the tools the CLI may use without asking for permission.
	 */
	private List<String> allowedTools;

	/**
	 * Names of the tools the CLI must not use.
	 */
	private List<String> disallowedTools;

	/**
	 * Permission mode of the CLI, such as 'acceptEdits'; the CLI's default when not set.
	 */
	private String permissionMode;

	/**
	 * Maximum number of model turns per prompt.
	 */
	private Integer maxTurns;

	/**
	 * System prompt replacing the CLI's own.
	 */
	private String systemPrompt;

	/**
	 * Text appended to the CLI's system prompt.
	 */
	private String appendSystemPrompt;

	/**
	 * Whether the CLI reports raw streaming events, which carry the final token counts.
	 */
	private boolean includePartialMessages = true;

	/**
	 * Environment variables added to the environment of the CLI process.
	 */
	private Map<String, String> environment = new LinkedHashMap<>();

	/**
	 * Maximum time a run may take from its prompt to its result; no limit when not set.
	 */
	private Duration runTimeout;

	/**
	 * Maximum time the CLI may stay silent during a run before the run is stopped.
	 */
	private Duration idleTimeout = Duration.ofMinutes(10);

	/**
	 * Limits of the lines of the CLI's output the client reads.
	 */
	private final StreamJson streamJson = new StreamJson();

	public Path getCliPath() {
		return this.cliPath;
	}

	public void setCliPath(Path cliPath) {
		this.cliPath = cliPath;
	}

	public String getModel() {
		return this.model;
	}

	public void setModel(String model) {
		this.model = model;
	}

	public Path getWorkingDirectory() {
		return this.workingDirectory;
	}

	public void setWorkingDirectory(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	public List<String> getAllowedTools() {
		return this.allowedTools;
	}

	public void setAllowedTools(List<String> allowedTools) {
		this.allowedTools = allowedTools;
	}

	public List<String> getDisallowedTools() {
		return this.disallowedTools;
	}

	public void setDisallowedTools(List<String> disallowedTools) {
		this.disallowedTools = disallowedTools;
	}

	public String getPermissionMode() {
		return this.permissionMode;
	}

	public void setPermissionMode(String permissionMode) {
		this.permissionMode = permissionMode;
	}

	public Integer getMaxTurns() {
		return this.maxTurns;
	}

	public void setMaxTurns(Integer maxTurns) {
		this.maxTurns = maxTurns;
	}

	public String getSystemPrompt() {
		return this.systemPrompt;
	}

	public void setSystemPrompt(String systemPrompt) {
		this.systemPrompt = systemPrompt;
	}

	public String getAppendSystemPrompt() {
		return this.appendSystemPrompt;
	}

	public void setAppendSystemPrompt(String appendSystemPrompt) {
		this.appendSystemPrompt = appendSystemPrompt;
	}

	public boolean isIncludePartialMessages() {
		return this.includePartialMessages;
	}

	public void setIncludePartialMessages(boolean includePartialMessages) {
		this.includePartialMessages = includePartialMessages;
	}

	public Map<String, String> getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(Map<String, String> environment) {
		this.environment = environment;
	}

	public Duration getRunTimeout() {
		return this.runTimeout;
	}

	public void setRunTimeout(Duration runTimeout) {
		this.runTimeout = runTimeout;
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		this.idleTimeout = idleTimeout;
	}

	public StreamJson getStreamJson() {
		return this.streamJson;
	}

	/**
	 * Limits of the lines of the CLI's output; a line over a limit stops its run with an
	 * error that names the limit.
	 */
	public static class StreamJson {

		/**
		 * Longest line of the CLI's output the client reads (counted in characters).
		 */
		private DataSize maxLineLength = DataSize.ofMegabytes(256);

		/**
		 * Deepest nesting of JSON objects and arrays in a line of the CLI's output.
		 */
		private int maxNestingDepth = 10_000;

		public DataSize getMaxLineLength() {
			return this.maxLineLength;
		}

		public void setMaxLineLength(DataSize maxLineLength) {
			this.maxLineLength = maxLineLength;
		}

		public int getMaxNestingDepth() {
			return this.maxNestingDepth;
		}

		public void setMaxNestingDepth(int maxNestingDepth) {
			this.maxNestingDepth = maxNestingDepth;
		}

	}

}
