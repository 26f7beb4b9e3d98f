package io.agentobs.claudecode.client.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.control.SdkMcpServer;
import io.agentobs.claudecode.client.options.SessionOptions;
import io.agentobs.claudecode.session.ClaudeSessionStore;
import io.agentobs.claudecode.session.SessionMirrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClaudeCodeClient} that starts the Claude Code CLI in bidirectional stream-json
 * mode, one process per query or session (per turn of a session with
 * {@link ClaudeCodeOptions#isProcessPerTurn() a process per turn}), each backed by the
 * session store when there is one ({@link SessionStoreBacking}).
 */
public class CliClaudeCodeClient implements ClaudeCodeClient {

	private static final Logger logger = LoggerFactory.getLogger(CliClaudeCodeClient.class);

	private final ClaudeCodeOptions defaultOptions;

	private final ClaudeCliLocator locator;

	private final StreamJsonLimits limits;

	private SessionStoreBacking storeBacking;

	private static final String STORE_NEEDS_PERSISTENCE = "A session store (claude-code.sessions.store) cannot be "
			+ "used with persist-session false (claude-code.persist-session): the CLI mirrors to the store only what "
			+ "it writes to its config directory, a private one the client deletes after each run";

	/**
	 * Creates a client.
	 * @param defaultOptions the options every call starts from, may be {@code null}
	 * @deprecated since 0.2.0 for removal in 0.3.0 in favour of {@link #builder()}
	 */
	@Deprecated(since = "0.2.0", forRemoval = true)
	public CliClaudeCodeClient(ClaudeCodeOptions defaultOptions) {
		this(defaultOptions, new ClaudeCliLocator());
	}

	/**
	 * Creates a client.
	 * @param defaultOptions the options every call starts from, may be {@code null}
	 * @param locator finds the CLI
	 * @deprecated since 0.2.0 for removal in 0.3.0 in favour of {@link #builder()}
	 */
	@Deprecated(since = "0.2.0", forRemoval = true)
	public CliClaudeCodeClient(ClaudeCodeOptions defaultOptions, ClaudeCliLocator locator) {
		this(defaultOptions, locator, StreamJsonLimits.DEFAULT);
	}

	/**
	 * Creates a client.
	 * @param defaultOptions the options every call starts from, may be {@code null}
	 * @param locator finds the CLI
	 * @param limits the limits of the lines of the CLI's output
	 * @deprecated since 0.2.0 for removal in 0.3.0 in favour of {@link #builder()}
	 */
	@Deprecated(since = "0.2.0", forRemoval = true)
	public CliClaudeCodeClient(ClaudeCodeOptions defaultOptions, ClaudeCliLocator locator, StreamJsonLimits limits) {
		this.defaultOptions = (defaultOptions != null) ? defaultOptions : ClaudeCodeOptions.empty();
		this.locator = locator;
		this.limits = limits;
	}

	/**
	 * A builder of clients: {@code CliClaudeCodeClient.builder().defaultOptions(options).build()}.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The options every call starts from.
	 * @return the default options
	 */
	public ClaudeCodeOptions getDefaultOptions() {
		return this.defaultOptions;
	}

	/**
	 * The store of this client's sessions.
	 * @return the store, or {@code null} when sessions live in the CLI's config directory only
	 */
	public ClaudeSessionStore getSessionStore() {
		return (this.storeBacking != null) ? this.storeBacking.store() : null;
	}

	/**
	 * The limits of the lines of the CLI's output this client reads.
	 * @return the limits
	 */
	public StreamJsonLimits getStreamJsonLimits() {
		return this.limits;
	}

	@Override
	public ClaudeCodeRun query(String prompt) {
		return query(prompt, null);
	}

	@Override
	public ClaudeCodeRun query(String prompt, ClaudeCodeOptions options) {
		CliClaudeCodeSession session = open(options, false);
		try {
			return session.start(prompt, true);
		}
		catch (RuntimeException ex) {
			session.close();
			throw ex;
		}
	}

	@Override
	public ClaudeCodeSession openSession() {
		return openSession(null);
	}

	@Override
	public ClaudeCodeSession openSession(ClaudeCodeOptions options) {
		return open(options, true);
	}

	@Override
	public ClaudeCodeSession resumeSession(String sessionId, ClaudeCodeOptions options) {
		SessionOptions.requireUuid(sessionId, "session id to resume");
		ClaudeCodeOptions overrides = (options != null) ? options : ClaudeCodeOptions.empty();
		SessionOptions session = (overrides.getSession() != null) ? overrides.getSession().toBuilder().resume(sessionId).build()
				: SessionOptions.resume(sessionId);
		return open(overrides.toBuilder().session(session).build(), true);
	}

	/**
	 * Opens the session of a query or of a session's prompts.
	 * @param overrides the call's options
	 * @param forPrompts whether it is a session for several prompts, rather than one query's
	 * (which never resumes, whatever its process per turn)
	 */
	private CliClaudeCodeSession open(ClaudeCodeOptions overrides, boolean forPrompts) {
		ClaudeCodeOptions options = this.defaultOptions.merge(overrides);
		Path executable = this.locator.locate(options.getCliPath());
		String resume = (options.getSession() != null) ? options.getSession().getResume() : null;
		if (forPrompts && options.isProcessPerTurn() && Boolean.FALSE.equals(options.getPersistSession())) {
			// The CLI mirrors to a session store only what it wrote to its config directory
			throw new IllegalArgumentException("A session with a process per turn resumes its saved transcript at "
					+ "every turn: it needs persist-session on (a session store too)");
		}
		if (this.storeBacking != null && Boolean.FALSE.equals(options.getPersistSession())) {
			throw new IllegalArgumentException(STORE_NEEDS_PERSISTENCE);
		}
		boolean fromStore = this.storeBacking != null && resume != null;
		if (fromStore) {
			this.storeBacking.requireStored(options, resume);
		}
		String knownSessionId = (options.getSession() != null) ? options.getSession().knownSessionId() : null;
		// A session resumed from the store loads it when its process starts: at the first prompt,
		// so that the load is part of that turn
		boolean startNow = !options.isProcessPerTurn() && !fromStore;
		return new CliClaudeCodeSession((launchOptions) -> launch(executable, launchOptions), options, knownSessionId,
				startNow);
	}

	/**
	 * Starts a CLI process: its command line, its environment (the process listener's
	 * variables, then the options'), with a session store its own config directory holding the
	 * session it resumes, and {@code initialize} when due.
	 */
	private CliClaudeCodeSession.LaunchedProcess launch(Path executable, ClaudeCodeOptions options) {
		ProcessListenerCalls listener = new ProcessListenerCalls(options.getProcessListener());
		SessionStoreBacking.ProcessMirror mirror = (this.storeBacking != null)
				? this.storeBacking.prepare(options, listener) : null;
		Path mcpConfigFile;
		String knownSessionId = (options.getSession() != null) ? options.getSession().knownSessionId() : null;
		ClaudeCliProcess process;
		try {
			mcpConfigFile = (options.getMcpServers() != null && !options.getMcpServers().isEmpty())
					? McpConfigFile.write(options.getMcpServers()) : null;
			try {
				List<String> command = ClaudeCliCommand.of(executable, options, mcpConfigFile);
				Map<String, String> variables = new LinkedHashMap<>(listener.environment());
				variables.putAll(options.getEnvironment());
				Map<String, String> environment = ClaudeCliEnvironment.of(variables);
				if (mirror != null) {
					command = mirror.command(command);
					environment = mirror.environment(environment);
				}
				process = ClaudeCliProcess.start(command, options, knownSessionId, environment, this.limits,
						(mirror != null) ? mirror.writer() : null);
			}
			catch (RuntimeException ex) {
				McpConfigFile.delete(mcpConfigFile);
				throw ex;
			}
		}
		catch (RuntimeException ex) {
			if (mirror != null) {
				mirror.abandon();
			}
			throw ex;
		}
		if (mcpConfigFile != null) {
			process.onExit(() -> McpConfigFile.delete(mcpConfigFile));
		}
		CompletableFuture<Void> mirrored = (mirror != null) ? mirror.attach(process) : null;
		logger.debug("Started Claude Code CLI {} (pid {}) with {}", executable, process.pid(), options);
		process.control().initialize();
		return new CliClaudeCodeSession.LaunchedProcess(process, mirrored);
	}

	/**
	 * Builds a {@link CliClaudeCodeClient}.
	 */
	public static final class Builder {

		private ClaudeCodeOptions defaultOptions = ClaudeCodeOptions.empty();

		private ClaudeCliLocator locator = new ClaudeCliLocator();

		private StreamJsonLimits limits = StreamJsonLimits.DEFAULT;

		private ClaudeSessionStore sessionStore;

		private SessionMirrorListener mirrorListener = SessionMirrorListener.NONE;

		private Builder() {
		}

		/**
		 * Where sessions are stored so that any instance can resume them: every run mirrors its
		 * transcript there ({@code --session-mirror}) from a config directory of its own, and
		 * {@code resumeSession} loads it from there.
		 * @param sessionStore the store, {@code null} for none
		 * @return this builder
		 */
		public Builder sessionStore(ClaudeSessionStore sessionStore) {
			this.sessionStore = sessionStore;
			return this;
		}

		/**
		 * Told what becomes of each batch handed to the session store (metrics, span events).
		 * @param mirrorListener the listener
		 * @return this builder
		 */
		public Builder sessionMirrorListener(SessionMirrorListener mirrorListener) {
			this.mirrorListener = Objects.requireNonNull(mirrorListener, "mirrorListener");
			return this;
		}

		/**
		 * The options every call starts from; per-call options override them.
		 * @param defaultOptions the options, {@code null} for none
		 * @return this builder
		 */
		public Builder defaultOptions(ClaudeCodeOptions defaultOptions) {
			this.defaultOptions = (defaultOptions != null) ? defaultOptions : ClaudeCodeOptions.empty();
			return this;
		}

		/**
		 * How the CLI is found when the options give no path.
		 * @param locator the locator
		 * @return this builder
		 */
		public Builder cliLocator(ClaudeCliLocator locator) {
			this.locator = Objects.requireNonNull(locator, "locator");
			return this;
		}

		/**
		 * The limits of the lines of the CLI's output the client reads.
		 * @param limits the limits
		 * @return this builder
		 */
		public Builder streamJsonLimits(StreamJsonLimits limits) {
			this.limits = Objects.requireNonNull(limits, "limits");
			return this;
		}

		/**
		 * Adds an MCP server that runs inside the application to the default options: every
		 * call registers it with the CLI.
		 * @param server the server
		 * @return this builder
		 */
		public Builder sdkMcpServer(SdkMcpServer server) {
			Objects.requireNonNull(server, "server");
			List<SdkMcpServer> servers = new ArrayList<>();
			if (this.defaultOptions.getSdkMcpServers() != null) {
				this.defaultOptions.getSdkMcpServers()
					.stream()
					.filter((existing) -> !existing.name().equals(server.name()))
					.forEach(servers::add);
			}
			servers.add(server);
			this.defaultOptions = this.defaultOptions.toBuilder().sdkMcpServers(servers).build();
			return this;
		}

		/**
		 * Builds the client.
		 * @return the client
		 */
		@SuppressWarnings("removal")
		public CliClaudeCodeClient build() {
			if (this.sessionStore != null && Boolean.FALSE.equals(this.defaultOptions.getPersistSession())) {
				throw new IllegalStateException(STORE_NEEDS_PERSISTENCE);
			}
			CliClaudeCodeClient client = new CliClaudeCodeClient(this.defaultOptions, this.locator, this.limits);
			if (this.sessionStore != null) {
				client.storeBacking = new SessionStoreBacking(this.sessionStore, this.mirrorListener);
			}
			return client;
		}

	}

}
