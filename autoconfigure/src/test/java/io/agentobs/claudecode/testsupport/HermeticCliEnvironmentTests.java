package io.agentobs.claudecode.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HermeticCliEnvironment}: nothing of the real home reaches the CLI.
 */
class HermeticCliEnvironmentTests {

	private final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	@AfterEach
	void close() {
		this.cliHome.close();
	}

	@Test
	void everyDirectoryVariablePointsIntoTheTemporaryHome() throws IOException {
		Path home = this.cliHome.home();
		Map<String, String> variables = this.cliHome.variables();
		assertThat(variables).containsEntry("HOME", home.toString())
			.containsEntry("CLAUDE_CONFIG_DIR", home.resolve(".claude").toString())
			.containsEntry("ZDOTDIR", home.toString());
		assertThat(variables).hasEntrySatisfying("XDG_CONFIG_HOME", (value) -> assertThat(Path.of(value)).startsWithRaw(home))
			.hasEntrySatisfying("XDG_CACHE_HOME", (value) -> assertThat(Path.of(value)).startsWithRaw(home))
			.hasEntrySatisfying("XDG_DATA_HOME", (value) -> assertThat(Path.of(value)).startsWithRaw(home))
			.hasEntrySatisfying("XDG_STATE_HOME", (value) -> assertThat(Path.of(value)).startsWithRaw(home));
		assertThat(variables).containsEntry("BASH_ENV", "").containsEntry("ENV", "");
		assertThat(home).startsWith(Path.of(System.getProperty("java.io.tmpdir")).toRealPath());
		for (Path realHome : realHomes()) {
			assertThat(home).isNotEqualTo(realHome);
			assertThat(this.cliHome.configDirectory()).isNotEqualTo(realHome.resolve(".claude"));
		}
	}

	@Test
	void homeHoldsOnlyAnEmptyConfigDirectory() throws IOException {
		try (var entries = Files.list(this.cliHome.home())) {
			assertThat(entries).containsExactly(this.cliHome.configDirectory());
		}
		try (var entries = Files.list(this.cliHome.configDirectory())) {
			assertThat(entries).isEmpty();
		}
	}

	@Test
	void fixtureVariablesWinOverTheGivenOnes() {
		Map<String, String> environment = this.cliHome
			.environment(Map.of("HOME", System.getProperty("user.home"), "ANTHROPIC_API_KEY", "sk-test"));
		assertThat(environment).containsEntry("HOME", this.cliHome.home().toString())
			.containsEntry("ANTHROPIC_API_KEY", "sk-test");
		environment.put("CLAUDE_CODE_MAX_RETRIES", "0");
		assertThat(environment).containsEntry("CLAUDE_CODE_MAX_RETRIES", "0");
	}

	@Test
	void loginShellStartedWithTheseVariablesReadsItsProfileFromTheTemporaryHome() throws Exception {
		Files.writeString(this.cliHome.home().resolve(".bash_profile"), "echo profile-of-the-temporary-home\n");
		// As the CLI starts its Bash tool: the inherited environment plus the CLI's variables.
		ProcessBuilder builder = new ProcessBuilder("bash", "-l", "-c", "echo \"$HOME|$CLAUDE_CONFIG_DIR\"")
			.redirectErrorStream(true);
		builder.environment().putAll(this.cliHome.variables());
		Process process = builder.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
			.toList();
		// /etc/profile may print first: the last two lines are the home's profile and the command.
		assertThat(lines).endsWith("profile-of-the-temporary-home",
				this.cliHome.home() + "|" + this.cliHome.configDirectory());
	}

	@Test
	void closeDeletesTheHomeAndWhatTheCliWroteThere() throws IOException {
		Path session = this.cliHome.configDirectory().resolve("projects/p/session.jsonl");
		Files.createDirectories(session.getParent());
		Files.writeString(session, "{}\n");
		this.cliHome.close();
		assertThat(this.cliHome.home()).doesNotExist();
	}

	private static List<Path> realHomes() throws IOException {
		String home = System.getenv("HOME");
		Path userHome = Path.of(System.getProperty("user.home")).toRealPath();
		return (home != null) ? List.of(userHome, Path.of(home).toRealPath()) : List.of(userHome);
	}

}
