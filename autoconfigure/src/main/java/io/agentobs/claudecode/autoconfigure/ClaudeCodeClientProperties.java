package io.agentobs.claudecode.autoconfigure;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.client.options.SystemPromptPreset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
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

	/**
	 * Whether the CLI saves sessions to disk so that they can be resumed.
	 */
	private boolean persistSession = true;

	/**
	 * Whether a session starts a CLI process for each prompt, resuming the session from its
	 * saved transcript, so that each turn's process gets that turn's trace context. Unset: one
	 * process per session, or a process per turn when sentry.claude-code.cli-telemetry is on.
	 */
	private Boolean processPerTurn;

	/**
	 * Location of a JSON Schema the result of every run must match; the result then carries the structured output.
	 */
	private Resource outputSchema;

	/**
	 * Most a run may spend, in US dollars as the CLI estimates it; a run over it ends with 'error_max_budget_usd'.
	 */
	private BigDecimal maxBudgetUsd;

	/**
	 * Name of the model used when the main model is overloaded.
	 */
	private String fallbackModel;

	/**
	 * Effort level of the model: low, medium, high, xhigh or max.
	 */
	private String effort;

	/**
	 * Names of the built-in tools available at all; an empty list means none, not set means the CLI's default set.
	 */
	private List<String> tools;

	/**
	 * Settings files the CLI loads: user, project, local; an empty list loads none, not set loads all.
	 */
	private List<String> settingSources;

	/**
	 * Settings passed to the CLI inline as JSON, such as 'permissions' or 'sandbox'.
	 */
	private Map<String, Object> settings = new LinkedHashMap<>();

	/**
	 * Paths to more directories the CLI's tools may access.
	 */
	private List<Path> additionalDirectories;

	/**
	 * Subagents by name that the main agent can launch.
	 */
	private Map<String, Agent> agents = new LinkedHashMap<>();

	/**
	 * Name of the agent that runs the main thread.
	 */
	private String agent;

	/**
	 * MCP servers by name that the CLI connects to.
	 */
	private Map<String, McpServer> mcpServers = new LinkedHashMap<>();

	/**
	 * Whether only the configured MCP servers are used, none from settings files.
	 */
	private boolean strictMcpConfig = false;

	/**
	 * Whether subagents' text and thinking are forwarded as messages.
	 */
	private boolean forwardSubagentText = false;

	/**
	 * Whether the CLI reports hook lifecycle events.
	 */
	private boolean includeHookEvents = false;

	/**
	 * Paths to plugin directories or zips loaded for every run.
	 */
	private List<Path> plugins;

	/**
	 * Beta headers sent with the CLI's API requests.
	 */
	private List<String> betas;

	/**
	 * System prompt of runs that set none: 'empty', as the official SDKs, or 'claude-code' for the CLI's full prompt.
	 */
	private SystemPromptPreset systemPromptPreset = SystemPromptPreset.EMPTY;

	/**
	 * More CLI flags by name without dashes, passed as '--name=value'; an empty value gives a bare flag.
	 */
	private Map<String, String> extraArgs = new LinkedHashMap<>();

	/**
	 * Extended thinking of the model.
	 */
	private final Thinking thinking = new Thinking();

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

	public boolean isPersistSession() {
		return this.persistSession;
	}

	public void setPersistSession(boolean persistSession) {
		this.persistSession = persistSession;
	}

	public Boolean getProcessPerTurn() {
		return this.processPerTurn;
	}

	public void setProcessPerTurn(Boolean processPerTurn) {
		this.processPerTurn = processPerTurn;
	}

	public Resource getOutputSchema() {
		return this.outputSchema;
	}

	public void setOutputSchema(Resource outputSchema) {
		this.outputSchema = outputSchema;
	}

	public BigDecimal getMaxBudgetUsd() {
		return this.maxBudgetUsd;
	}

	public void setMaxBudgetUsd(BigDecimal maxBudgetUsd) {
		this.maxBudgetUsd = maxBudgetUsd;
	}

	public String getFallbackModel() {
		return this.fallbackModel;
	}

	public void setFallbackModel(String fallbackModel) {
		this.fallbackModel = fallbackModel;
	}

	public String getEffort() {
		return this.effort;
	}

	public void setEffort(String effort) {
		this.effort = effort;
	}

	public List<String> getTools() {
		return this.tools;
	}

	public void setTools(List<String> tools) {
		this.tools = tools;
	}

	public List<String> getSettingSources() {
		return this.settingSources;
	}

	public void setSettingSources(List<String> settingSources) {
		this.settingSources = settingSources;
	}

	public Map<String, Object> getSettings() {
		return this.settings;
	}

	public void setSettings(Map<String, Object> settings) {
		this.settings = settings;
	}

	public List<Path> getAdditionalDirectories() {
		return this.additionalDirectories;
	}

	public void setAdditionalDirectories(List<Path> additionalDirectories) {
		this.additionalDirectories = additionalDirectories;
	}

	public Map<String, Agent> getAgents() {
		return this.agents;
	}

	public void setAgents(Map<String, Agent> agents) {
		this.agents = agents;
	}

	public String getAgent() {
		return this.agent;
	}

	public void setAgent(String agent) {
		this.agent = agent;
	}

	public Map<String, McpServer> getMcpServers() {
		return this.mcpServers;
	}

	public void setMcpServers(Map<String, McpServer> mcpServers) {
		this.mcpServers = mcpServers;
	}

	public boolean isStrictMcpConfig() {
		return this.strictMcpConfig;
	}

	public void setStrictMcpConfig(boolean strictMcpConfig) {
		this.strictMcpConfig = strictMcpConfig;
	}

	public boolean isForwardSubagentText() {
		return this.forwardSubagentText;
	}

	public void setForwardSubagentText(boolean forwardSubagentText) {
		this.forwardSubagentText = forwardSubagentText;
	}

	public boolean isIncludeHookEvents() {
		return this.includeHookEvents;
	}

	public void setIncludeHookEvents(boolean includeHookEvents) {
		this.includeHookEvents = includeHookEvents;
	}

	public List<Path> getPlugins() {
		return this.plugins;
	}

	public void setPlugins(List<Path> plugins) {
		this.plugins = plugins;
	}

	public List<String> getBetas() {
		return this.betas;
	}

	public void setBetas(List<String> betas) {
		this.betas = betas;
	}

	public SystemPromptPreset getSystemPromptPreset() {
		return this.systemPromptPreset;
	}

	public void setSystemPromptPreset(SystemPromptPreset systemPromptPreset) {
		this.systemPromptPreset = systemPromptPreset;
	}

	public Map<String, String> getExtraArgs() {
		return this.extraArgs;
	}

	public void setExtraArgs(Map<String, String> extraArgs) {
		this.extraArgs = extraArgs;
	}

	public Thinking getThinking() {
		return this.thinking;
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

	/**
	 * Extended thinking of the model.
	 */
	public static class Thinking {

		/**
		 * How the model thinks: adaptive, enabled (with a token budget) or disabled; the
		 * CLI's default when not set.
		 */
		private io.agentobs.claudecode.client.options.Thinking.Type type;

		/**
		 * Most thinking tokens per turn when enabled.
		 */
		private Integer budgetTokens;

		/**
		 * How thinking is shown, such as 'summarized'.
		 */
		private String display;

		public io.agentobs.claudecode.client.options.Thinking.Type getType() {
			return this.type;
		}

		public void setType(io.agentobs.claudecode.client.options.Thinking.Type type) {
			this.type = type;
		}

		public Integer getBudgetTokens() {
			return this.budgetTokens;
		}

		public void setBudgetTokens(Integer budgetTokens) {
			this.budgetTokens = budgetTokens;
		}

		public String getDisplay() {
			return this.display;
		}

		public void setDisplay(String display) {
			this.display = display;
		}

	}

	/**
	 * A subagent.
	 */
	public static class Agent {

		/**
		 * When to use the agent (required).
		 */
		private String description;

		/**
		 * System prompt of the agent; this or 'prompt-resource' is required.
		 */
		private String prompt;

		/**
		 * Location of the system prompt of the agent, instead of 'prompt'.
		 */
		private Resource promptResource;

		/**
		 * Names of the tools the agent may use; all of the main agent's when not set.
		 */
		private List<String> tools;

		/**
		 * Names of the tools the agent must not use.
		 */
		private List<String> disallowedTools;

		/**
		 * Model of the agent: an alias, a full name or 'inherit'.
		 */
		private String model;

		/**
		 * Maximum number of model turns of the agent.
		 */
		private Integer maxTurns;

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getPrompt() {
			return this.prompt;
		}

		public void setPrompt(String prompt) {
			this.prompt = prompt;
		}

		public Resource getPromptResource() {
			return this.promptResource;
		}

		public void setPromptResource(Resource promptResource) {
			this.promptResource = promptResource;
		}

		public List<String> getTools() {
			return this.tools;
		}

		public void setTools(List<String> tools) {
			this.tools = tools;
		}

		public List<String> getDisallowedTools() {
			return this.disallowedTools;
		}

		public void setDisallowedTools(List<String> disallowedTools) {
			this.disallowedTools = disallowedTools;
		}

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			this.model = model;
		}

		public Integer getMaxTurns() {
			return this.maxTurns;
		}

		public void setMaxTurns(Integer maxTurns) {
			this.maxTurns = maxTurns;
		}

	}

	/**
	 * An MCP server.
	 */
	public static class McpServer {

		/**
		 * Transport of the server: stdio (a process the CLI starts), http or sse.
		 */
		private String type = "stdio";

		/**
		 * Executable of a stdio server.
		 */
		private String command;

		/**
		 * Arguments of a stdio server.
		 */
		private List<String> args = new ArrayList<>();

		/**
		 * Environment variables of a stdio server.
		 */
		private Map<String, String> env = new LinkedHashMap<>();

		/**
		 * URL of an http or sse server.
		 */
		private String url;

		/**
		 * HTTP headers sent to an http or sse server.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public String getCommand() {
			return this.command;
		}

		public void setCommand(String command) {
			this.command = command;
		}

		public List<String> getArgs() {
			return this.args;
		}

		public void setArgs(List<String> args) {
			this.args = args;
		}

		public Map<String, String> getEnv() {
			return this.env;
		}

		public void setEnv(Map<String, String> env) {
			this.env = env;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

	}

}
