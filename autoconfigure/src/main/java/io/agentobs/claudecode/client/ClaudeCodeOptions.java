package io.agentobs.claudecode.client;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.options.AgentDefinition;
import io.agentobs.claudecode.client.options.McpServerConfig;
import io.agentobs.claudecode.client.options.OutputSchemas;
import io.agentobs.claudecode.client.options.SessionOptions;
import io.agentobs.claudecode.client.options.SystemPromptPreset;
import io.agentobs.claudecode.client.options.Thinking;

import io.agentobs.claudecode.client.control.ClaudeControlListener;
import io.agentobs.claudecode.client.control.ClaudeHook;
import io.agentobs.claudecode.client.control.ClaudePermissionHandler;
import io.agentobs.claudecode.client.control.SdkMcpServer;

/**
 * Immutable options of a Claude Code CLI run. A {@code null} field is unset: per-call options
 * are {@link #merge(ClaudeCodeOptions) merged} onto the client's defaults, so unset fields
 * inherit and environment maps are combined.
 */
public final class ClaudeCodeOptions {

	private static final ClaudeCodeOptions EMPTY = builder().build();

	private static final Pattern FLAG_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

	private final Path cliPath;

	private final String model;

	private final Path workingDirectory;

	private final List<String> allowedTools;

	private final List<String> disallowedTools;

	private final String permissionMode;

	private final Integer maxTurns;

	private final String systemPrompt;

	private final String appendSystemPrompt;

	private final Boolean includePartialMessages;

	private final Map<String, String> environment;

	private final Duration runTimeout;

	private final Duration idleTimeout;

	private final ClaudeMessageListener messageListener;

	private final List<SdkMcpServer> sdkMcpServers;

	private final ClaudePermissionHandler permissionHandler;

	private final List<ClaudeHook> hooks;

	private final ClaudeControlListener controlListener;

	private final ClaudeProcessListener processListener;

	private final Boolean processPerTurn;

	private final Duration permissionTimeout;

	private final Duration controlRequestTimeout;

	private final SessionOptions session;

	private final Boolean persistSession;

	private final String outputSchema;

	private final BigDecimal maxBudgetUsd;

	private final String fallbackModel;

	private final String effort;

	private final Thinking thinking;

	private final List<String> tools;

	private final List<String> settingSources;

	private final Map<String, Object> settings;

	private final List<Path> additionalDirectories;

	private final Map<String, AgentDefinition> agents;

	private final String agent;

	private final Map<String, McpServerConfig> mcpServers;

	private final Boolean strictMcpConfig;

	private final Boolean forwardSubagentText;

	private final Boolean includeHookEvents;

	private final List<Path> plugins;

	private final List<String> betas;

	private final SystemPromptPreset systemPromptPreset;

	private final Map<String, String> extraArgs;

	private ClaudeCodeOptions(Builder builder) {
		this.cliPath = builder.cliPath;
		this.model = builder.model;
		this.workingDirectory = builder.workingDirectory;
		this.allowedTools = copy(builder.allowedTools);
		this.disallowedTools = copy(builder.disallowedTools);
		this.permissionMode = builder.permissionMode;
		this.maxTurns = builder.maxTurns;
		this.systemPrompt = builder.systemPrompt;
		this.appendSystemPrompt = builder.appendSystemPrompt;
		this.includePartialMessages = builder.includePartialMessages;
		this.environment = Map.copyOf(builder.environment);
		this.runTimeout = builder.runTimeout;
		this.idleTimeout = builder.idleTimeout;
		this.messageListener = builder.messageListener;
		this.sdkMcpServers = copy(builder.sdkMcpServers);
		this.permissionHandler = builder.permissionHandler;
		this.hooks = copy(builder.hooks);
		this.controlListener = builder.controlListener;
		this.processListener = builder.processListener;
		this.processPerTurn = builder.processPerTurn;
		this.permissionTimeout = builder.permissionTimeout;
		this.controlRequestTimeout = builder.controlRequestTimeout;
		this.session = builder.session;
		this.persistSession = builder.persistSession;
		this.outputSchema = builder.outputSchema;
		this.maxBudgetUsd = builder.maxBudgetUsd;
		this.fallbackModel = builder.fallbackModel;
		this.effort = builder.effort;
		this.thinking = builder.thinking;
		this.tools = copy(builder.tools);
		this.settingSources = copy(builder.settingSources);
		this.settings = copy(builder.settings);
		this.additionalDirectories = copy(builder.additionalDirectories);
		this.agents = copy(builder.agents);
		this.agent = builder.agent;
		this.mcpServers = copy(builder.mcpServers);
		this.strictMcpConfig = builder.strictMcpConfig;
		this.forwardSubagentText = builder.forwardSubagentText;
		this.includeHookEvents = builder.includeHookEvents;
		this.plugins = copy(builder.plugins);
		this.betas = copy(builder.betas);
		this.systemPromptPreset = builder.systemPromptPreset;
		this.extraArgs = copy(builder.extraArgs);
		if (this.extraArgs != null) {
			this.extraArgs.keySet().forEach(ClaudeCodeOptions::requireFlagName);
		}
	}

	private static <T> List<T> copy(List<T> list) {
		return (list != null) ? List.copyOf(list) : null;
	}

	/** An unmodifiable copy in the same order; values may be {@code null}. */
	private static <K, V> Map<K, V> copy(Map<K, V> map) {
		return (map != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(map)) : null;
	}

	private static void requireFlagName(String name) {
		if (name == null || !FLAG_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"An extra CLI argument's name is letters, digits and dashes, but was '" + name + "'");
		}
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Options with every field unset.
	 * @return empty options
	 */
	public static ClaudeCodeOptions empty() {
		return EMPTY;
	}

	/**
	 * A builder initialized with these options.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().cliPath(this.cliPath)
			.model(this.model)
			.workingDirectory(this.workingDirectory)
			.allowedTools(this.allowedTools)
			.disallowedTools(this.disallowedTools)
			.permissionMode(this.permissionMode)
			.maxTurns(this.maxTurns)
			.systemPrompt(this.systemPrompt)
			.appendSystemPrompt(this.appendSystemPrompt)
			.includePartialMessages(this.includePartialMessages)
			.environment(this.environment)
			.runTimeout(this.runTimeout)
			.idleTimeout(this.idleTimeout)
			.messageListener(this.messageListener)
			.sdkMcpServers(this.sdkMcpServers)
			.permissionHandler(this.permissionHandler)
			.hooks(this.hooks)
			.controlListener(this.controlListener)
			.processListener(this.processListener)
			.processPerTurn(this.processPerTurn)
			.permissionTimeout(this.permissionTimeout)
			.controlRequestTimeout(this.controlRequestTimeout)
			.session(this.session)
			.persistSession(this.persistSession)
			.outputSchema(this.outputSchema)
			.maxBudgetUsd(this.maxBudgetUsd)
			.fallbackModel(this.fallbackModel)
			.effort(this.effort)
			.thinking(this.thinking)
			.tools(this.tools)
			.settingSources(this.settingSources)
			.settings(this.settings)
			.additionalDirectories(this.additionalDirectories)
			.agents(this.agents)
			.agent(this.agent)
			.mcpServers(this.mcpServers)
			.strictMcpConfig(this.strictMcpConfig)
			.forwardSubagentText(this.forwardSubagentText)
			.includeHookEvents(this.includeHookEvents)
			.plugins(this.plugins)
			.betas(this.betas)
			.systemPromptPreset(this.systemPromptPreset)
			.extraArgs(this.extraArgs);
	}

	/**
	 * Applies overrides to these options: every field set in {@code overrides} wins, unset
	 * fields keep this value, environment maps are combined (overrides win per key), message
	 * listeners are both called (these first).
	 * @param overrides the overriding options, may be {@code null}
	 * @return the merged options
	 */
	public ClaudeCodeOptions merge(ClaudeCodeOptions overrides) {
		if (overrides == null) {
			return this;
		}
		Map<String, String> environment = new LinkedHashMap<>(this.environment);
		environment.putAll(overrides.environment);
		return new Builder().cliPath(pick(overrides, ClaudeCodeOptions::getCliPath))
			.model(pick(overrides, ClaudeCodeOptions::getModel))
			.workingDirectory(pick(overrides, ClaudeCodeOptions::getWorkingDirectory))
			.allowedTools(pick(overrides, ClaudeCodeOptions::getAllowedTools))
			.disallowedTools(pick(overrides, ClaudeCodeOptions::getDisallowedTools))
			.permissionMode(pick(overrides, ClaudeCodeOptions::getPermissionMode))
			.maxTurns(pick(overrides, ClaudeCodeOptions::getMaxTurns))
			.systemPrompt(pick(overrides, ClaudeCodeOptions::getSystemPrompt))
			.appendSystemPrompt(pick(overrides, ClaudeCodeOptions::getAppendSystemPrompt))
			.includePartialMessages(pick(overrides, ClaudeCodeOptions::getIncludePartialMessages))
			.environment(environment)
			.runTimeout(pick(overrides, ClaudeCodeOptions::getRunTimeout))
			.idleTimeout(pick(overrides, ClaudeCodeOptions::getIdleTimeout))
			.messageListener((this.messageListener != null) ? this.messageListener.andThen(overrides.messageListener)
					: overrides.messageListener)
			.sdkMcpServers(mergeSdkMcpServers(this.sdkMcpServers, overrides.sdkMcpServers))
			.permissionHandler(pick(overrides, ClaudeCodeOptions::getPermissionHandler))
			.hooks(concat(this.hooks, overrides.hooks))
			.controlListener((this.controlListener != null) ? this.controlListener.andThen(overrides.controlListener)
					: overrides.controlListener)
			.processListener((this.processListener != null) ? this.processListener.andThen(overrides.processListener)
					: overrides.processListener)
			.processPerTurn(pick(overrides, ClaudeCodeOptions::getProcessPerTurn))
			.permissionTimeout(pick(overrides, ClaudeCodeOptions::getPermissionTimeout))
			.controlRequestTimeout(pick(overrides, ClaudeCodeOptions::getControlRequestTimeout))
			.session(pick(overrides, ClaudeCodeOptions::getSession))
			.persistSession(pick(overrides, ClaudeCodeOptions::getPersistSession))
			.outputSchema(pick(overrides, ClaudeCodeOptions::getOutputSchema))
			.maxBudgetUsd(pick(overrides, ClaudeCodeOptions::getMaxBudgetUsd))
			.fallbackModel(pick(overrides, ClaudeCodeOptions::getFallbackModel))
			.effort(pick(overrides, ClaudeCodeOptions::getEffort))
			.thinking(pick(overrides, ClaudeCodeOptions::getThinking))
			.tools(pick(overrides, ClaudeCodeOptions::getTools))
			.settingSources(pick(overrides, ClaudeCodeOptions::getSettingSources))
			.settings(pick(overrides, ClaudeCodeOptions::getSettings))
			.additionalDirectories(pick(overrides, ClaudeCodeOptions::getAdditionalDirectories))
			.agents(pick(overrides, ClaudeCodeOptions::getAgents))
			.agent(pick(overrides, ClaudeCodeOptions::getAgent))
			.mcpServers(pick(overrides, ClaudeCodeOptions::getMcpServers))
			.strictMcpConfig(pick(overrides, ClaudeCodeOptions::getStrictMcpConfig))
			.forwardSubagentText(pick(overrides, ClaudeCodeOptions::getForwardSubagentText))
			.includeHookEvents(pick(overrides, ClaudeCodeOptions::getIncludeHookEvents))
			.plugins(pick(overrides, ClaudeCodeOptions::getPlugins))
			.betas(pick(overrides, ClaudeCodeOptions::getBetas))
			.systemPromptPreset(pick(overrides, ClaudeCodeOptions::getSystemPromptPreset))
			.extraArgs(pick(overrides, ClaudeCodeOptions::getExtraArgs))
			.build();
	}

	/**
	 * The servers of both, those of the overrides replacing the defaults' of the same name.
	 */
	private static List<SdkMcpServer> mergeSdkMcpServers(List<SdkMcpServer> defaults, List<SdkMcpServer> overrides) {
		if (defaults == null || overrides == null) {
			return (overrides != null) ? overrides : defaults;
		}
		Map<String, SdkMcpServer> byName = new LinkedHashMap<>();
		defaults.forEach((server) -> byName.put(server.name(), server));
		overrides.forEach((server) -> byName.put(server.name(), server));
		return List.copyOf(byName.values());
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		if (first == null || second == null) {
			return (second != null) ? second : first;
		}
		List<T> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private <T> T pick(ClaudeCodeOptions overrides, Function<ClaudeCodeOptions, T> field) {
		T override = field.apply(overrides);
		return (override != null) ? override : field.apply(this);
	}

	/**
	 * The CLI executable; when unset it is located by {@link io.agentobs.claudecode.client.cli.ClaudeCliLocator}.
	 * @return the CLI path or {@code null}
	 */
	public Path getCliPath() {
		return this.cliPath;
	}

	/**
	 * The model ({@code --model}).
	 * @return the model or {@code null}
	 */
	public String getModel() {
		return this.model;
	}

	/**
	 * The working directory of the CLI process.
	 * @return the directory or {@code null} for the JVM's working directory
	 */
	public Path getWorkingDirectory() {
		return this.workingDirectory;
	}

	/**
	 * The tools the CLI may use without asking ({@code --allowedTools}).
	 * @return the tools or {@code null}
	 */
	public List<String> getAllowedTools() {
		return this.allowedTools;
	}

	/**
	 * The tools the CLI must not use ({@code --disallowedTools}).
	 * @return the tools or {@code null}
	 */
	public List<String> getDisallowedTools() {
		return this.disallowedTools;
	}

	/**
	 * The permission mode ({@code --permission-mode}), e.g. {@code acceptEdits}.
	 * @return the permission mode or {@code null} for the CLI's default
	 */
	public String getPermissionMode() {
		return this.permissionMode;
	}

	/**
	 * The maximum number of model turns per prompt ({@code --max-turns}).
	 * @return the maximum or {@code null}
	 */
	public Integer getMaxTurns() {
		return this.maxTurns;
	}

	/**
	 * A system prompt replacing the CLI's ({@code --system-prompt}).
	 * @return the system prompt or {@code null}
	 */
	public String getSystemPrompt() {
		return this.systemPrompt;
	}

	/**
	 * Text appended to the CLI's system prompt ({@code --append-system-prompt}).
	 * @return the text or {@code null}
	 */
	public String getAppendSystemPrompt() {
		return this.appendSystemPrompt;
	}

	/**
	 * Whether the CLI writes {@code stream_event} lines ({@code --include-partial-messages});
	 * unset means {@code true}.
	 * @return the flag or {@code null}
	 */
	public Boolean getIncludePartialMessages() {
		return this.includePartialMessages;
	}

	/**
	 * Environment variables added to the CLI process's environment.
	 * @return the variables, never {@code null}
	 */
	public Map<String, String> getEnvironment() {
		return this.environment;
	}

	/**
	 * The longest a run may take, from sending its prompt to its {@code result}.
	 * @return the timeout or {@code null} for none
	 */
	public Duration getRunTimeout() {
		return this.runTimeout;
	}

	/**
	 * The longest the CLI may stay silent during a run.
	 * @return the timeout or {@code null} for none
	 */
	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	/**
	 * Told about each message of the CLI process as it arrives.
	 * @return the listener or {@code null} for none
	 */
	public ClaudeMessageListener getMessageListener() {
		return this.messageListener;
	}

	/**
	 * The MCP servers that run inside the application; the CLI reaches them through the
	 * control protocol. Per-call servers replace default ones of the same name.
	 * @return the servers, or {@code null} when not set
	 */
	public List<SdkMcpServer> getSdkMcpServers() {
		return this.sdkMcpServers;
	}

	/**
	 * Decides the tool calls the CLI asks about; with one, the CLI runs with
	 * {@code --permission-prompt-tool=stdio}.
	 * @return the handler, or {@code null} when not set
	 */
	public ClaudePermissionHandler getPermissionHandler() {
		return this.permissionHandler;
	}

	/**
	 * The hooks the CLI calls back; per-call hooks add to the default ones.
	 * @return the hooks, or {@code null} when not set
	 */
	public List<ClaudeHook> getHooks() {
		return this.hooks;
	}

	/**
	 * Told what the client answered to the CLI's control requests (for telemetry).
	 * @return the listener, or {@code null} when not set
	 */
	public ClaudeControlListener getControlListener() {
		return this.controlListener;
	}

	/**
	 * Told when the client starts a CLI process (for telemetry).
	 * @return the listener, or {@code null} when not set
	 */
	public ClaudeProcessListener getProcessListener() {
		return this.processListener;
	}

	/**
	 * Whether a session starts a CLI process for each prompt, resuming the session
	 * ({@code --resume}) from its saved transcript, rather than one process for all prompts.
	 * @return {@code true} for a process per turn, or {@code null} when not set (one process)
	 */
	public Boolean getProcessPerTurn() {
		return this.processPerTurn;
	}

	/**
	 * Whether a session starts a CLI process for each prompt.
	 * @return {@code true} only when set to {@code true}
	 * @see #getProcessPerTurn()
	 */
	public boolean isProcessPerTurn() {
		return Boolean.TRUE.equals(this.processPerTurn);
	}

	/**
	 * How long the permission handler may take before the call is denied.
	 * @return the timeout, or {@code null} for the default (5 minutes)
	 */
	public Duration getPermissionTimeout() {
		return this.permissionTimeout;
	}

	/**
	 * How long the client waits for the CLI's answer to a control request it sends.
	 * @return the timeout, or {@code null} for the default (60 seconds)
	 */
	public Duration getControlRequestTimeout() {
		return this.controlRequestTimeout;
	}

	/**
	 * How the run or session starts: a chosen session id, a resumed, forked or continued
	 * session, a display name. Meant per call.
	 * @return the session options or {@code null} for a new session
	 */
	public SessionOptions getSession() {
		return this.session;
	}

	/**
	 * Whether the CLI saves the session to disk so that it can be resumed; {@code false}
	 * adds {@code --no-session-persistence}.
	 * @return the flag or {@code null} for the CLI's default (saved)
	 */
	public Boolean getPersistSession() {
		return this.persistSession;
	}

	/**
	 * The JSON Schema the run's result must match ({@code --json-schema}); the model answers
	 * by calling the {@code StructuredOutput} tool and the result carries
	 * {@code structured_output}.
	 * @return the schema as JSON text or {@code null}
	 */
	public String getOutputSchema() {
		return this.outputSchema;
	}

	/**
	 * The most the run may spend, in US dollars as the CLI estimates it ({@code --max-budget-usd});
	 * a run over it ends with subtype {@code error_max_budget_usd}.
	 * @return the budget or {@code null}
	 */
	public BigDecimal getMaxBudgetUsd() {
		return this.maxBudgetUsd;
	}

	/**
	 * The model used when the main model is overloaded ({@code --fallback-model}).
	 * @return the model or {@code null}
	 */
	public String getFallbackModel() {
		return this.fallbackModel;
	}

	/**
	 * The effort level ({@code --effort}): {@code low}, {@code medium}, {@code high}, {@code xhigh}, {@code max}.
	 * @return the level or {@code null}
	 */
	public String getEffort() {
		return this.effort;
	}

	/**
	 * Extended thinking ({@code --thinking}, {@code --max-thinking-tokens}, {@code --thinking-display}).
	 * @return the thinking or {@code null} for the CLI's default
	 */
	public Thinking getThinking() {
		return this.thinking;
	}

	/**
	 * The built-in tools available at all ({@code --tools}); an empty list means none.
	 * @return the tools or {@code null} for the CLI's default set
	 */
	public List<String> getTools() {
		return this.tools;
	}

	/**
	 * The settings files the CLI loads ({@code --setting-sources}): {@code user},
	 * {@code project}, {@code local}; an empty list loads none.
	 * @return the sources or {@code null} for all
	 */
	public List<String> getSettingSources() {
		return this.settingSources;
	}

	/**
	 * Settings passed inline as JSON ({@code --settings}), {@code sandbox} included.
	 * @return the settings or {@code null}
	 */
	public Map<String, Object> getSettings() {
		return this.settings;
	}

	/**
	 * More directories the CLI's tools may access ({@code --add-dir}, one per directory).
	 * @return the directories or {@code null}
	 */
	public List<Path> getAdditionalDirectories() {
		return this.additionalDirectories;
	}

	/**
	 * Subagents by name ({@code --agents}).
	 * @return the agents or {@code null}
	 */
	public Map<String, AgentDefinition> getAgents() {
		return this.agents;
	}

	/**
	 * The agent that runs the main thread ({@code --agent}).
	 * @return the agent's name or {@code null}
	 */
	public String getAgent() {
		return this.agent;
	}

	/**
	 * MCP servers by name ({@code --mcp-config}, a file only the owner can read, deleted
	 * when the CLI process ends).
	 * @return the servers or {@code null}
	 */
	public Map<String, McpServerConfig> getMcpServers() {
		return this.mcpServers;
	}

	/**
	 * Whether only {@link #getMcpServers() these MCP servers} are used, none from settings
	 * files ({@code --strict-mcp-config}).
	 * @return the flag or {@code null}
	 */
	public Boolean getStrictMcpConfig() {
		return this.strictMcpConfig;
	}

	/**
	 * Whether subagents' text and thinking are forwarded as messages ({@code --forward-subagent-text}).
	 * @return the flag or {@code null}
	 */
	public Boolean getForwardSubagentText() {
		return this.forwardSubagentText;
	}

	/**
	 * Whether the CLI writes hook lifecycle events ({@code --include-hook-events}).
	 * @return the flag or {@code null}
	 */
	public Boolean getIncludeHookEvents() {
		return this.includeHookEvents;
	}

	/**
	 * Plugin directories or zips loaded for the run ({@code --plugin-dir}, one per plugin).
	 * @return the plugins or {@code null}
	 */
	public List<Path> getPlugins() {
		return this.plugins;
	}

	/**
	 * Beta headers sent with API requests ({@code --betas}).
	 * @return the betas or {@code null}
	 */
	public List<String> getBetas() {
		return this.betas;
	}

	/**
	 * The system prompt of a run that sets none: unset means {@link SystemPromptPreset#EMPTY},
	 * as the official SDKs.
	 * @return the preset or {@code null}
	 */
	public SystemPromptPreset getSystemPromptPreset() {
		return this.systemPromptPreset;
	}

	/**
	 * More CLI flags by name without dashes ({@code --name=value}; a {@code null} or empty value
	 * gives a bare {@code --name}). Names are letters, digits and dashes.
	 * @return the flags or {@code null}
	 */
	public Map<String, String> getExtraArgs() {
		return this.extraArgs;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof ClaudeCodeOptions that)) {
			return false;
		}
		return Objects.equals(this.cliPath, that.cliPath) && Objects.equals(this.model, that.model)
				&& Objects.equals(this.workingDirectory, that.workingDirectory)
				&& Objects.equals(this.allowedTools, that.allowedTools)
				&& Objects.equals(this.disallowedTools, that.disallowedTools)
				&& Objects.equals(this.permissionMode, that.permissionMode)
				&& Objects.equals(this.maxTurns, that.maxTurns) && Objects.equals(this.systemPrompt, that.systemPrompt)
				&& Objects.equals(this.appendSystemPrompt, that.appendSystemPrompt)
				&& Objects.equals(this.includePartialMessages, that.includePartialMessages)
				&& this.environment.equals(that.environment) && Objects.equals(this.runTimeout, that.runTimeout)
				&& Objects.equals(this.idleTimeout, that.idleTimeout)
				&& Objects.equals(this.messageListener, that.messageListener)
				&& Objects.equals(this.sdkMcpServers, that.sdkMcpServers)
				&& Objects.equals(this.permissionHandler, that.permissionHandler) && Objects.equals(this.hooks, that.hooks)
				&& Objects.equals(this.controlListener, that.controlListener)
				&& Objects.equals(this.processListener, that.processListener)
				&& Objects.equals(this.processPerTurn, that.processPerTurn)
				&& Objects.equals(this.permissionTimeout, that.permissionTimeout)
				&& Objects.equals(this.controlRequestTimeout, that.controlRequestTimeout)
				&& Objects.equals(this.session, that.session)
				&& Objects.equals(this.persistSession, that.persistSession)
				&& Objects.equals(this.outputSchema, that.outputSchema)
				&& Objects.equals(this.maxBudgetUsd, that.maxBudgetUsd)
				&& Objects.equals(this.fallbackModel, that.fallbackModel)
				&& Objects.equals(this.effort, that.effort)
				&& Objects.equals(this.thinking, that.thinking)
				&& Objects.equals(this.tools, that.tools)
				&& Objects.equals(this.settingSources, that.settingSources)
				&& Objects.equals(this.settings, that.settings)
				&& Objects.equals(this.additionalDirectories, that.additionalDirectories)
				&& Objects.equals(this.agents, that.agents)
				&& Objects.equals(this.agent, that.agent)
				&& Objects.equals(this.mcpServers, that.mcpServers)
				&& Objects.equals(this.strictMcpConfig, that.strictMcpConfig)
				&& Objects.equals(this.forwardSubagentText, that.forwardSubagentText)
				&& Objects.equals(this.includeHookEvents, that.includeHookEvents)
				&& Objects.equals(this.plugins, that.plugins)
				&& Objects.equals(this.betas, that.betas)
				&& Objects.equals(this.systemPromptPreset, that.systemPromptPreset)
				&& Objects.equals(this.extraArgs, that.extraArgs);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.cliPath, this.model, this.workingDirectory, this.allowedTools, this.disallowedTools,
				this.permissionMode, this.maxTurns, this.systemPrompt, this.appendSystemPrompt,
				this.includePartialMessages, this.environment, this.runTimeout, this.idleTimeout, this.messageListener,
				this.sdkMcpServers, this.permissionHandler, this.hooks, this.controlListener, this.processListener,
				this.processPerTurn, this.permissionTimeout, this.controlRequestTimeout, this.session,
				this.persistSession, this.outputSchema, this.maxBudgetUsd, this.fallbackModel, this.effort,
				this.thinking, this.tools, this.settingSources, this.settings, this.additionalDirectories, this.agents,
				this.agent, this.mcpServers, this.strictMcpConfig, this.forwardSubagentText, this.includeHookEvents,
				this.plugins, this.betas, this.systemPromptPreset, this.extraArgs);
	}

	/**
	 * Describes the options; environment variables are listed by name only, since they
	 * may hold API keys.
	 */
	@Override
	public String toString() {
		return "ClaudeCodeOptions[cliPath=" + this.cliPath + ", model=" + this.model + ", workingDirectory="
				+ this.workingDirectory + ", allowedTools=" + this.allowedTools + ", disallowedTools="
				+ this.disallowedTools + ", permissionMode=" + this.permissionMode + ", maxTurns=" + this.maxTurns
				+ ", systemPrompt=" + ((this.systemPrompt != null) ? "(set)" : null) + ", appendSystemPrompt="
				+ ((this.appendSystemPrompt != null) ? "(set)" : null) + ", includePartialMessages="
				+ this.includePartialMessages + ", environment=" + this.environment.keySet().stream().sorted().toList()
				+ ", runTimeout=" + this.runTimeout + ", idleTimeout=" + this.idleTimeout + ", session=" + this.session
				+ ", persistSession=" + this.persistSession
				+ ", processPerTurn=" + this.processPerTurn
				+ ", outputSchema=" + ((this.outputSchema != null) ? "(set)" : null)
				+ ", maxBudgetUsd=" + this.maxBudgetUsd
				+ ", fallbackModel=" + this.fallbackModel
				+ ", effort=" + this.effort
				+ ", thinking=" + this.thinking
				+ ", tools=" + this.tools
				+ ", settingSources=" + this.settingSources
				+ ", settings=" + ((this.settings != null) ? new TreeSet<>(this.settings.keySet()) : null)
				+ ", additionalDirectories=" + this.additionalDirectories
				+ ", agents=" + ((this.agents != null) ? new TreeSet<>(this.agents.keySet()) : null)
				+ ", agent=" + this.agent
				+ ", mcpServers=" + this.mcpServers
				+ ", strictMcpConfig=" + this.strictMcpConfig
				+ ", forwardSubagentText=" + this.forwardSubagentText
				+ ", includeHookEvents=" + this.includeHookEvents
				+ ", plugins=" + this.plugins
				+ ", betas=" + this.betas
				+ ", systemPromptPreset=" + this.systemPromptPreset
				+ ", extraArgs=" + ((this.extraArgs != null) ? new TreeSet<>(this.extraArgs.keySet()) : null) + "]";
	}

	/**
	 * Builds {@link ClaudeCodeOptions}.
	 */
	public static final class Builder {

		private Path cliPath;

		private String model;

		private Path workingDirectory;

		private List<String> allowedTools;

		private List<String> disallowedTools;

		private String permissionMode;

		private Integer maxTurns;

		private String systemPrompt;

		private String appendSystemPrompt;

		private Boolean includePartialMessages;

		private final Map<String, String> environment = new LinkedHashMap<>();

		private Duration runTimeout;

		private Duration idleTimeout;

		private ClaudeMessageListener messageListener;

		private List<SdkMcpServer> sdkMcpServers;

		private ClaudePermissionHandler permissionHandler;

		private List<ClaudeHook> hooks;

		private ClaudeControlListener controlListener;

		private ClaudeProcessListener processListener;

		private Boolean processPerTurn;

		private Duration permissionTimeout;

		private Duration controlRequestTimeout;

		private SessionOptions session;

		private Boolean persistSession;

		private String outputSchema;

		private BigDecimal maxBudgetUsd;

		private String fallbackModel;

		private String effort;

		private Thinking thinking;

		private List<String> tools;

		private List<String> settingSources;

		private Map<String, Object> settings;

		private List<Path> additionalDirectories;

		private Map<String, AgentDefinition> agents;

		private String agent;

		private Map<String, McpServerConfig> mcpServers;

		private Boolean strictMcpConfig;

		private Boolean forwardSubagentText;

		private Boolean includeHookEvents;

		private List<Path> plugins;

		private List<String> betas;

		private SystemPromptPreset systemPromptPreset;

		private Map<String, String> extraArgs;

		private Builder() {
		}

		public Builder cliPath(Path cliPath) {
			this.cliPath = cliPath;
			return this;
		}

		public Builder model(String model) {
			this.model = model;
			return this;
		}

		public Builder workingDirectory(Path workingDirectory) {
			this.workingDirectory = workingDirectory;
			return this;
		}

		public Builder allowedTools(List<String> allowedTools) {
			this.allowedTools = allowedTools;
			return this;
		}

		public Builder disallowedTools(List<String> disallowedTools) {
			this.disallowedTools = disallowedTools;
			return this;
		}

		public Builder permissionMode(String permissionMode) {
			this.permissionMode = permissionMode;
			return this;
		}

		public Builder maxTurns(Integer maxTurns) {
			this.maxTurns = maxTurns;
			return this;
		}

		public Builder systemPrompt(String systemPrompt) {
			this.systemPrompt = systemPrompt;
			return this;
		}

		public Builder appendSystemPrompt(String appendSystemPrompt) {
			this.appendSystemPrompt = appendSystemPrompt;
			return this;
		}

		public Builder includePartialMessages(Boolean includePartialMessages) {
			this.includePartialMessages = includePartialMessages;
			return this;
		}

		/**
		 * Replaces the environment variables.
		 * @param environment the variables, may be {@code null}
		 * @return this builder
		 */
		public Builder environment(Map<String, String> environment) {
			this.environment.clear();
			if (environment != null) {
				this.environment.putAll(environment);
			}
			return this;
		}

		/**
		 * Adds one environment variable.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder environmentVariable(String name, String value) {
			this.environment.put(name, value);
			return this;
		}

		public Builder runTimeout(Duration runTimeout) {
			this.runTimeout = runTimeout;
			return this;
		}

		public Builder idleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
			return this;
		}

		/**
		 * Sets the listener told about each message of the CLI process as it arrives, on the
		 * process's reader thread.
		 * @param messageListener the listener, may be {@code null}
		 * @return this builder
		 */
		public Builder messageListener(ClaudeMessageListener messageListener) {
			this.messageListener = messageListener;
			return this;
		}

		/**
		 * The MCP servers that run inside the application (see {@link SdkMcpServer}).
		 * @param sdkMcpServers the servers, {@code null} for none
		 * @return this builder
		 */
		public Builder sdkMcpServers(List<SdkMcpServer> sdkMcpServers) {
			this.sdkMcpServers = sdkMcpServers;
			return this;
		}

		/**
		 * Sets how the run or session starts; meant per call.
		 * @param session the session options, {@code null} for a new session
		 * @return this builder
		 */
		public Builder session(SessionOptions session) {
			this.session = session;
			return this;
		}

		public Builder persistSession(Boolean persistSession) {
			this.persistSession = persistSession;
			return this;
		}

		public Builder outputSchema(String outputSchema) {
			this.outputSchema = outputSchema;
			return this;
		}

		public Builder maxBudgetUsd(BigDecimal maxBudgetUsd) {
			this.maxBudgetUsd = maxBudgetUsd;
			return this;
		}

		public Builder fallbackModel(String fallbackModel) {
			this.fallbackModel = fallbackModel;
			return this;
		}

		public Builder effort(String effort) {
			this.effort = effort;
			return this;
		}

		public Builder thinking(Thinking thinking) {
			this.thinking = thinking;
			return this;
		}

		public Builder tools(List<String> tools) {
			this.tools = tools;
			return this;
		}

		public Builder settingSources(List<String> settingSources) {
			this.settingSources = settingSources;
			return this;
		}

		public Builder settings(Map<String, Object> settings) {
			this.settings = settings;
			return this;
		}

		public Builder additionalDirectories(List<Path> additionalDirectories) {
			this.additionalDirectories = additionalDirectories;
			return this;
		}

		public Builder agents(Map<String, AgentDefinition> agents) {
			this.agents = agents;
			return this;
		}

		public Builder agent(String agent) {
			this.agent = agent;
			return this;
		}

		public Builder mcpServers(Map<String, McpServerConfig> mcpServers) {
			this.mcpServers = mcpServers;
			return this;
		}

		public Builder strictMcpConfig(Boolean strictMcpConfig) {
			this.strictMcpConfig = strictMcpConfig;
			return this;
		}

		public Builder forwardSubagentText(Boolean forwardSubagentText) {
			this.forwardSubagentText = forwardSubagentText;
			return this;
		}

		public Builder includeHookEvents(Boolean includeHookEvents) {
			this.includeHookEvents = includeHookEvents;
			return this;
		}

		public Builder plugins(List<Path> plugins) {
			this.plugins = plugins;
			return this;
		}

		public Builder betas(List<String> betas) {
			this.betas = betas;
			return this;
		}

		public Builder systemPromptPreset(SystemPromptPreset systemPromptPreset) {
			this.systemPromptPreset = systemPromptPreset;
			return this;
		}

		public Builder extraArgs(Map<String, String> extraArgs) {
			this.extraArgs = extraArgs;
			return this;
		}

		/**
		 * Decides the tool calls the CLI asks about (see {@link ClaudePermissionHandler}).
		 * @param permissionHandler the handler, {@code null} for none
		 * @return this builder
		 */
		public Builder permissionHandler(ClaudePermissionHandler permissionHandler) {
			this.permissionHandler = permissionHandler;
			return this;
		}

		/**
		 * Sets the JSON Schema of the structured result.
		 * @param outputSchema the schema, may be {@code null}
		 * @return this builder
		 */
		public Builder outputSchema(JsonNode outputSchema) {
			this.outputSchema = (outputSchema != null) ? outputSchema.toString() : null;
			return this;
		}

		/**
		 * The hooks the CLI calls back (see {@link ClaudeHook}).
		 * @param hooks the hooks, {@code null} for none
		 * @return this builder
		 */
		public Builder hooks(List<ClaudeHook> hooks) {
			this.hooks = hooks;
			return this;
		}

		/**
		 * Told what the client answered to the CLI's control requests.
		 * @param controlListener the listener, {@code null} for none
		 * @return this builder
		 */
		public Builder controlListener(ClaudeControlListener controlListener) {
			this.controlListener = controlListener;
			return this;
		}

		/**
		 * Told when the client starts a CLI process: adds variables to its environment and
		 * learns of the load of a stored session.
		 * @param processListener the listener, {@code null} for none
		 * @return this builder
		 */
		public Builder processListener(ClaudeProcessListener processListener) {
			this.processListener = processListener;
			return this;
		}

		/**
		 * Whether a session starts a CLI process for each prompt ({@code --resume} of its own
		 * session), so that each turn's process gets that turn's environment, such as its
		 * trace context. Needs the session saved between turns ({@code persistSession} on: the
		 * CLI mirrors to a session store only what it writes). Costs a CLI start per turn.
		 * @param processPerTurn {@code true} for a process per turn, {@code null} for the default
		 * (one process)
		 * @return this builder
		 */
		public Builder processPerTurn(Boolean processPerTurn) {
			this.processPerTurn = processPerTurn;
			return this;
		}

		/**
		 * How long the permission handler may take before the call is denied.
		 * @param permissionTimeout the timeout, {@code null} for the default
		 * @return this builder
		 */
		public Builder permissionTimeout(Duration permissionTimeout) {
			this.permissionTimeout = permissionTimeout;
			return this;
		}

		/**
		 * How long the client waits for the CLI's answer to a control request it sends.
		 * @param controlRequestTimeout the timeout, {@code null} for the default
		 * @return this builder
		 */
		public Builder controlRequestTimeout(Duration controlRequestTimeout) {
			this.controlRequestTimeout = controlRequestTimeout;
			return this;
		}

		/**
		 * Sets the JSON Schema of the structured result to the one generated for a type.
		 * @param outputType a record or class, may be {@code null}
		 * @return this builder
		 * @see OutputSchemas
		 */
		public Builder outputType(Class<?> outputType) {
			return outputSchema((outputType != null) ? OutputSchemas.of(outputType) : null);
		}

		public ClaudeCodeOptions build() {
			return new ClaudeCodeOptions(this);
		}

	}

}
