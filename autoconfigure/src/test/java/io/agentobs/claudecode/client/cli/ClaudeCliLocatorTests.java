package io.agentobs.claudecode.client.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.agentobs.claudecode.client.ClaudeCodeCliNotFoundException;
import io.agentobs.claudecode.testsupport.FakeCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ClaudeCliLocator}.
 */
class ClaudeCliLocatorTests {

	@TempDir
	Path directory;

	@Test
	void configuredPathWins() throws Exception {
		Path configured = FakeCli.script(this.directory, "exit 0");
		Path other = FakeCli.script(this.directory, "exit 0");
		assertThat(locator(Map.of("CLAUDE_CODE_CLI_PATH", other.toString())).locate(configured)).isEqualTo(configured);
	}

	@Test
	void missingConfiguredPathFailsWithoutSearchingElsewhere() throws Exception {
		Path other = FakeCli.script(this.directory, "exit 0");
		Path missing = this.directory.resolve("missing");
		assertThatExceptionOfType(ClaudeCodeCliNotFoundException.class)
			.isThrownBy(() -> locator(Map.of("CLAUDE_CODE_CLI_PATH", other.toString())).locate(missing))
			.satisfies((ex) -> assertThat(ex.getSearchedLocations()).containsExactly(missing + " (configured CLI path)"));
	}

	@Test
	void environmentVariableComesBeforePath() throws Exception {
		Path fromVariable = FakeCli.script(this.directory, "exit 0");
		Path bin = Files.createDirectory(this.directory.resolve("bin"));
		Files.copy(fromVariable, bin.resolve("claude"));
		assertThat(locator(Map.of("CLAUDE_CODE_CLI_PATH", fromVariable.toString(), "PATH", bin.toString())).locate(null))
			.isEqualTo(fromVariable);
	}

	@Test
	void claudeOnThePathIsFound() throws Exception {
		Path bin = Files.createDirectory(this.directory.resolve("bin"));
		Files.copy(FakeCli.script(this.directory, "exit 0"), bin.resolve("claude"));
		assertThat(locator(Map.of("PATH", this.directory.resolve("empty") + ":" + bin)).locate(null))
			.isEqualTo(bin.resolve("claude"));
	}

	@Test
	void cliInstalledByTheBuildIsFoundLast() throws Exception {
		ClaudeCliLocator locator = locator(Map.of("PATH", this.directory.resolve("empty").toString()));
		Path installed = this.directory
			.resolve(".cache/claude-code-observability/cli/2.1.328/node_modules/@anthropic-ai/claude-code-linux-x64/claude");
		Files.createDirectories(installed.getParent());
		Files.copy(FakeCli.script(this.directory, "exit 0"), installed);
		assertThat(locator.locate(null)).isEqualTo(installed);
	}

	@Test
	void notFoundListsEveryPlaceSearched() {
		Path bin1 = this.directory.resolve("bin1");
		Path bin2 = this.directory.resolve("bin2");
		ClaudeCliLocator locator = locator(
				Map.of("CLAUDE_CODE_CLI_PATH", "/nowhere/claude", "PATH", bin1 + ":" + bin2));
		assertThatExceptionOfType(ClaudeCodeCliNotFoundException.class).isThrownBy(() -> locator.locate(null))
			.satisfies((ex) -> assertThat(ex.getSearchedLocations()).containsExactly(
					"/nowhere/claude (environment variable CLAUDE_CODE_CLI_PATH)", bin1.resolve("claude") + " (PATH)",
					bin2.resolve("claude") + " (PATH)", locator.installedCli() + " (installed by the build)"))
			.withMessageContaining("/nowhere/claude")
			.withMessageContaining(bin2.resolve("claude").toString())
			.withMessageContaining("claude-code-linux-x64/claude");
	}

	@Test
	void pinnedVersionComesFromTheBuild() {
		assertThat(ClaudeCliLocator.pinnedVersion()).isEqualTo("2.1.328");
	}

	private ClaudeCliLocator locator(Map<String, String> environment) {
		return new ClaudeCliLocator(environment::get, this.directory);
	}

}
