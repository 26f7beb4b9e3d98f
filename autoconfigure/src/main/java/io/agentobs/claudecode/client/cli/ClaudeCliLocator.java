package io.agentobs.claudecode.client.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

import io.agentobs.claudecode.client.ClaudeCodeCliNotFoundException;

/**
 * Finds the Claude Code CLI executable: the configured path, else the
 * {@code CLAUDE_CODE_CLI_PATH} environment variable, else {@code claude} on the
 * {@code PATH}, else the location where this project's build installs the pinned CLI.
 */
public class ClaudeCliLocator {

	/** The environment variable naming the CLI executable. */
	public static final String CLI_PATH_VARIABLE = "CLAUDE_CODE_CLI_PATH";

	private static final String EXECUTABLE_NAME = "claude";

	private final UnaryOperator<String> environment;

	private final Path userHome;

	public ClaudeCliLocator() {
		this(System::getenv, Path.of(System.getProperty("user.home")));
	}

	ClaudeCliLocator(UnaryOperator<String> environment, Path userHome) {
		this.environment = environment;
		this.userHome = userHome;
	}

	/**
	 * Locates the CLI.
	 * @param configuredPath the configured CLI path, may be {@code null}; when set it is
	 * the only candidate
	 * @return the executable
	 * @throws ClaudeCodeCliNotFoundException when no candidate is an executable file
	 */
	public Path locate(Path configuredPath) {
		if (configuredPath != null) {
			if (isExecutable(configuredPath)) {
				return configuredPath;
			}
			throw new ClaudeCodeCliNotFoundException(List.of(configuredPath + " (configured CLI path)"));
		}
		List<String> searched = new ArrayList<>();
		String variable = this.environment.apply(CLI_PATH_VARIABLE);
		if (variable != null && !variable.isBlank()) {
			Path candidate = Path.of(variable);
			if (isExecutable(candidate)) {
				return candidate;
			}
			searched.add(candidate + " (environment variable " + CLI_PATH_VARIABLE + ")");
		}
		else {
			searched.add("environment variable " + CLI_PATH_VARIABLE + " (not set)");
		}
		String path = this.environment.apply("PATH");
		if (path != null) {
			for (String directory : path.split(java.io.File.pathSeparator)) {
				if (!directory.isEmpty()) {
					Path candidate = Path.of(directory, EXECUTABLE_NAME);
					if (isExecutable(candidate)) {
						return candidate;
					}
					searched.add(candidate + " (PATH)");
				}
			}
		}
		Path installed = installedCli();
		if (isExecutable(installed)) {
			return installed;
		}
		searched.add(installed + " (installed by the build)");
		throw new ClaudeCodeCliNotFoundException(searched);
	}

	Path installedCli() {
		return this.userHome.resolve(".cache/claude-code-observability/cli")
			.resolve(pinnedVersion())
			.resolve("node_modules/@anthropic-ai/claude-code-linux-x64/claude");
	}

	static String pinnedVersion() {
		Properties properties = new Properties();
		try (InputStream input = ClaudeCliLocator.class.getResourceAsStream("cli.properties")) {
			if (input == null) {
				throw new IllegalStateException("Missing resource cli.properties next to " + ClaudeCliLocator.class);
			}
			properties.load(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties.getProperty("version");
	}

	private static boolean isExecutable(Path candidate) {
		return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
	}

}
