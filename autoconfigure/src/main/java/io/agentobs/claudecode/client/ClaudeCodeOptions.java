package io.agentobs.claudecode.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.agentobs.claudecode.client.options.SessionOptions;

/**
 * Immutable options of a Claude Code CLI run. A {@code null} field is unset: per-call options
 * are {@link #merge(ClaudeCodeOptions) merged} onto the client's defaults, so unset fields
 * inherit and environment maps are combined.
 */
public final class ClaudeCodeOptions {

	private static final ClaudeCodeOptions EMPTY = builder().build();

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

	private final SessionOptions session;

	private final Boolean persistSession;

	private ClaudeCodeOptions(Builder builder) {
		this.cliPath = builder.cliPath;
		this.model = builder.model;
		this.workingDirectory = builder.workingDirectory;
		this.allowedTools = (builder.allowedTools != null) ? List.copyOf(builder.allowedTools) : null;
		this.disallowedTools = (builder.disallowedTools != null) ? List.copyOf(builder.disallowedTools) : null;
		this.permissionMode = builder.permissionMode;
		this.maxTurns = builder.maxTurns;
		this.systemPrompt = builder.systemPrompt;
		this.appendSystemPrompt = builder.appendSystemPrompt;
		this.includePartialMessages = builder.includePartialMessages;
		this.environment = Map.copyOf(builder.environment);
		this.runTimeout = builder.runTimeout;
		this.idleTimeout = builder.idleTimeout;
		this.messageListener = builder.messageListener;
		this.session = builder.session;
		this.persistSession = builder.persistSession;
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
			.session(this.session)
			.persistSession(this.persistSession);
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
			.session(pick(overrides, ClaudeCodeOptions::getSession))
			.persistSession(pick(overrides, ClaudeCodeOptions::getPersistSession))
			.build();
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
				&& Objects.equals(this.session, that.session)
				&& Objects.equals(this.persistSession, that.persistSession);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.cliPath, this.model, this.workingDirectory, this.allowedTools, this.disallowedTools,
				this.permissionMode, this.maxTurns, this.systemPrompt, this.appendSystemPrompt,
				this.includePartialMessages, this.environment, this.runTimeout, this.idleTimeout, this.messageListener,
				this.session, this.persistSession);
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
				+ ", persistSession=" + this.persistSession + "]";
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

		private SessionOptions session;

		private Boolean persistSession;

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

		public ClaudeCodeOptions build() {
			return new ClaudeCodeOptions(this);
		}

	}

}
