package io.agentobs.claudecode.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh home directory for the real Claude Code CLI, so that nothing of the machine's user
 * changes a test's timing or outcome: the CLI reads its settings from a configuration
 * directory inside it, and its Bash tool, which runs a login shell, finds no
 * {@code .bash_profile}, {@code .profile}, {@code .bashrc} or {@code .zshrc} there.
 * <p>
 * Add {@link #variables()} to the CLI's environment (the CLI inherits the rest of the test
 * JVM's environment) and {@link #close() close} it when the CLI has ended:
 * <pre class="code">
 * try (HermeticCliEnvironment cliHome = HermeticCliEnvironment.create()) {
 *     options.environment(cliHome.environment(api.cliEnvironment()));
 * }
 * </pre>
 * In a test class, register it on an instance field and it is closed after each test, once
 * the class's own {@code @AfterEach} methods have run:
 * <pre class="code">
 * &#64;RegisterExtension
 * final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();
 * </pre>
 * System-wide shell start-up files ({@code /etc/profile}, {@code /etc/profile.d},
 * {@code /etc/zshenv}) still run; they are the machine's, not the user's.
 */
public final class HermeticCliEnvironment implements AutoCloseable, AfterEachCallback {

	/** The CLI's configuration directory inside the home, as the CLI names it by default. */
	private static final String CONFIG_DIRECTORY = ".claude";

	/** Every home of this JVM, deleted again when it ends. */
	private static final Set<Path> homes = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> homes.forEach(HermeticCliEnvironment::delete), "cli-home-cleanup"));
	}

	private final Path home;

	private HermeticCliEnvironment(Path home) {
		this.home = home;
	}

	/**
	 * Creates an empty home directory with an empty CLI configuration directory in it.
	 * @return the environment, to be closed when the CLI has ended
	 */
	public static HermeticCliEnvironment create() {
		try {
			Path home = Files.createTempDirectory("claude-cli-home").toRealPath();
			Files.createDirectory(home.resolve(CONFIG_DIRECTORY));
			homes.add(home);
			return new HermeticCliEnvironment(home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The home directory the CLI and its shells see.
	 * @return the temporary home directory
	 */
	public Path home() {
		return this.home;
	}

	/**
	 * The CLI's configuration directory ({@code CLAUDE_CONFIG_DIR}), inside {@link #home()}.
	 * @return the configuration directory
	 */
	public Path configDirectory() {
		return this.home.resolve(CONFIG_DIRECTORY);
	}

	/**
	 * The variables that point the CLI and every shell it starts at this home:
	 * <ul>
	 * <li>{@code HOME}: the login shell of the Bash tool reads its profile from here, and the
	 * CLI its {@code ~/.claude.json};</li>
	 * <li>{@code CLAUDE_CONFIG_DIR}: the CLI's settings, sessions and shell snapshots;</li>
	 * <li>{@code ZDOTDIR} and the {@code XDG_*} base directories: a user's zsh, fish or git
	 * configuration found through them rather than through {@code HOME};</li>
	 * <li>{@code BASH_ENV} and {@code ENV} empty: a file a non-interactive bash or sh would
	 * read first. They cannot be removed from the inherited environment, only emptied, which
	 * both shells treat as unset.</li>
	 * </ul>
	 * @return the variables to add to the CLI's environment
	 */
	public Map<String, String> variables() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("HOME", this.home.toString());
		variables.put("CLAUDE_CONFIG_DIR", configDirectory().toString());
		variables.put("ZDOTDIR", this.home.toString());
		variables.put("XDG_CONFIG_HOME", this.home.resolve(".config").toString());
		variables.put("XDG_CACHE_HOME", this.home.resolve(".cache").toString());
		variables.put("XDG_DATA_HOME", this.home.resolve(".local/share").toString());
		variables.put("XDG_STATE_HOME", this.home.resolve(".local/state").toString());
		variables.put("BASH_ENV", "");
		variables.put("ENV", "");
		return variables;
	}

	/**
	 * Other variables of the CLI's environment with {@link #variables()} added.
	 * @param environment the other variables, for example the scripted API's
	 * @return a new modifiable map, the given variables first
	 */
	public Map<String, String> environment(Map<String, String> environment) {
		Map<String, String> combined = new LinkedHashMap<>(environment);
		combined.putAll(variables());
		return combined;
	}

	/**
	 * Closes this environment after each test when it is registered on an instance field.
	 * @param context the test's context
	 */
	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	/**
	 * Deletes the home directory and everything the CLI wrote into it. A CLI that is still
	 * exiting may write its settings again afterwards: every home is deleted once more when the
	 * JVM ends, so none is left in the temporary directory.
	 */
	@Override
	public void close() {
		delete(this.home);
	}

	private static void delete(Path home) {
		for (int attempt = 0; attempt < 3 && Files.exists(home); attempt++) {
			for (Path path : deepestFirst(home)) {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					// Written to while deleting: the next attempt takes it.
				}
			}
		}
	}

	private static List<Path> deepestFirst(Path home) {
		try (Stream<Path> paths = Files.walk(home)) {
			return paths.sorted(Comparator.reverseOrder()).toList();
		}
		catch (IOException | UncheckedIOException ex) {
			return List.of(home);
		}
	}

	@Override
	public String toString() {
		return "HermeticCliEnvironment " + this.home;
	}

}
