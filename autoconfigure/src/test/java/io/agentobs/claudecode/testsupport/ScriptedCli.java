package io.agentobs.claudecode.testsupport;

import java.nio.file.Path;
import java.util.function.Supplier;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Claude Code CLI run against a {@link ScriptedAnthropicApi} in a
 * {@link HermeticCliEnvironment}: the options every such test starts from, and the scripted
 * API itself. Registered on a static field, the API serves the whole test class, started
 * before its first test and closed after its last; on an instance field, each test gets an
 * API of its own, closed after the test's own {@code @AfterEach} methods:
 * <pre class="code">
 * &#64;RegisterExtension
 * static final ScriptedCli cli = ScriptedCli.create();
 *
 * &#64;RegisterExtension
 * final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();
 *
 * ClaudeCodeOptions defaults = cli.options(this.cliHome, this.workingDirectory).build();
 * </pre>
 */
public final class ScriptedCli
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	/** The model the tests ask for; the scripted API answers as this model. */
	public static final String MODEL = "claude-sonnet-4-5";

	private final Supplier<ScriptedAnthropicApi> apiStarter;

	private ScriptedAnthropicApi api;

	/** Whether the API serves the whole class (registered on a static field). */
	private boolean perClass;

	private ScriptedCli(Supplier<ScriptedAnthropicApi> apiStarter) {
		this.apiStarter = apiStarter;
	}

	/**
	 * A scripted API with its default behaviour.
	 * @return the extension
	 */
	public static ScriptedCli create() {
		return new ScriptedCli(ScriptedAnthropicApi::start);
	}

	/**
	 * A scripted API started by the given function, for example through
	 * {@link ScriptedAnthropicApi#builder()}.
	 * @param apiStarter starts the API
	 * @return the extension
	 */
	public static ScriptedCli create(Supplier<ScriptedAnthropicApi> apiStarter) {
		return new ScriptedCli(apiStarter);
	}

	/**
	 * Options that run the real CLI against an API in a home: the {@link #MODEL}, the working
	 * directory and the API's environment with the home's variables added.
	 * @param api the scripted API
	 * @param home the CLI's home
	 * @param workingDirectory the CLI's working directory
	 * @return a builder to add the test's own options to
	 */
	public static ClaudeCodeOptions.Builder options(ScriptedAnthropicApi api, HermeticCliEnvironment home,
			Path workingDirectory) {
		return ClaudeCodeOptions.builder()
			.model(MODEL)
			.workingDirectory(workingDirectory)
			.environment(home.environment(api.cliEnvironment()));
	}

	/**
	 * {@link #options(ScriptedAnthropicApi, HermeticCliEnvironment, Path) Options} that run
	 * the real CLI against this extension's API.
	 * @param home the CLI's home
	 * @param workingDirectory the CLI's working directory
	 * @return a builder to add the test's own options to
	 */
	public ClaudeCodeOptions.Builder options(HermeticCliEnvironment home, Path workingDirectory) {
		return options(api(), home, workingDirectory);
	}

	/**
	 * The scripted API of the test class or of the current test.
	 * @return the API, started
	 */
	public ScriptedAnthropicApi api() {
		if (this.api == null) {
			throw new IllegalStateException(
					"ScriptedCli starts its API before all tests or each test: register it with @RegisterExtension");
		}
		return this.api;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.perClass = true;
		this.api = this.apiStarter.get();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (!this.perClass) {
			this.api = this.apiStarter.get();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (!this.perClass) {
			close();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	private void close() {
		if (this.api != null) {
			this.api.close();
			this.api = null;
		}
	}

}
