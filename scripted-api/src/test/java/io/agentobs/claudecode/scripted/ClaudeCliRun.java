package io.agentobs.claudecode.scripted;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One run of the real Claude Code CLI in one-shot mode ({@code -p}, stream-json output with
 * partial messages) against a {@link ScriptedAnthropicApi}, in a fresh temporary directory, with
 * its own empty home and CLI configuration directory so that the user's shell profile cannot
 * reach the login shell of the CLI's Bash tool (as the autoconfigure tests'
 * {@code HermeticCliEnvironment} does).
 *
 * @param exitCode the CLI's exit code
 * @param lines the JSON lines of its stdout
 * @param stderr its stderr
 * @param duration how long it ran
 */
record ClaudeCliRun(int exitCode, List<JsonNode> lines, String stderr, Duration duration) {

	private static final ObjectMapper objectMapper = new ObjectMapper();

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	static ClaudeCliRun run(ScriptedAnthropicApi api, String prompt, Map<String, String> environment,
			String... arguments) throws IOException, InterruptedException {
		String cli = System.getenv("CLAUDE_CODE_CLI_PATH");
		if (cli == null || !Files.isExecutable(Path.of(cli))) {
			throw new IllegalStateException("CLAUDE_CODE_CLI_PATH must name the Claude Code CLI binary: " + cli);
		}
		List<String> command = new ArrayList<>(List.of(cli, "-p", prompt, "--output-format", "stream-json",
				"--verbose", "--include-partial-messages", "--model", "claude-sonnet-4-5", "--allowedTools", "Bash"));
		command.addAll(List.of(arguments));
		Path directory = Files.createTempDirectory("claude-cli-it");
		Path home = Files.createTempDirectory("claude-cli-home");
		Path stdout = Files.createTempFile("claude-cli-it", ".jsonl");
		Path stderr = Files.createTempFile("claude-cli-it", ".err");
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			// An open stdin makes the CLI wait 3 s for piped input before it starts.
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		builder.environment().putAll(api.cliEnvironment());
		builder.environment().putAll(hermeticHome(home));
		builder.environment().remove("BASH_ENV");
		builder.environment().remove("ENV");
		builder.environment().putAll(environment);
		long start = System.nanoTime();
		Process process = builder.start();
		try {
			if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("The CLI did not finish within " + TIMEOUT + "; stdout:\n"
						+ Files.readString(stdout) + "\nstderr:\n" + Files.readString(stderr));
			}
			List<JsonNode> lines = new ArrayList<>();
			try (Stream<String> stream = Files.lines(stdout)) {
				for (String line : (Iterable<String>) stream::iterator) {
					if (!line.isBlank()) {
						lines.add(objectMapper.readTree(line));
					}
				}
			}
			return new ClaudeCliRun(process.exitValue(), lines, Files.readString(stderr),
					Duration.ofNanos(System.nanoTime() - start));
		}
		finally {
			process.destroyForcibly();
			Files.deleteIfExists(stdout);
			Files.deleteIfExists(stderr);
			delete(home);
			delete(directory);
		}
	}

	private static Map<String, String> hermeticHome(Path home) {
		return Map.of("HOME", home.toString(), "CLAUDE_CONFIG_DIR", home.resolve(".claude").toString(), "ZDOTDIR",
				home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString(), "XDG_CACHE_HOME",
				home.resolve(".cache").toString(), "XDG_DATA_HOME", home.resolve(".local/share").toString(),
				"XDG_STATE_HOME", home.resolve(".local/state").toString());
	}

	/** Deletes what it can: a file the killed CLI still writes stays in the temporary directory. */
	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException | RuntimeException ex) {
			// Left behind in the temporary directory.
		}
	}

	List<JsonNode> ofType(String type) {
		return this.lines.stream().filter((line) -> type.equals(line.path("type").asText())).toList();
	}

	List<JsonNode> system(String subtype) {
		return ofType("system").stream().filter((line) -> subtype.equals(line.path("subtype").asText())).toList();
	}

	/** The raw SSE events of one kind, from the {@code stream_event} lines. */
	List<JsonNode> streamEvents(String eventType) {
		return ofType("stream_event").stream()
			.map((line) -> line.get("event"))
			.filter((event) -> eventType.equals(event.path("type").asText()))
			.toList();
	}

	/** The tool_result blocks of the {@code user} lines, each with its line's {@code parent_tool_use_id}. */
	List<JsonNode> toolResults() {
		List<JsonNode> results = new ArrayList<>();
		for (JsonNode line : ofType("user")) {
			for (JsonNode block : line.at("/message/content")) {
				if ("tool_result".equals(block.path("type").asText())) {
					results.add(((ObjectNode) block.deepCopy()).set("parent_tool_use_id", line.get("parent_tool_use_id")));
				}
			}
		}
		return results;
	}

	JsonNode result() {
		List<JsonNode> results = ofType("result");
		if (results.size() != 1) {
			throw new AssertionError("Expected one result line, got " + results.size() + ":\n" + this);
		}
		return results.get(0);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("exit ").append(this.exitCode).append(" after ").append(this.duration);
		this.lines.stream()
			.filter((line) -> !"stream_event".equals(line.path("type").asText()))
			.forEach((line) -> text.append('\n').append(abbreviate(line.toString())));
		return text.append("\nstderr: ").append(this.stderr).toString();
	}

	private static String abbreviate(String text) {
		return (text.length() > 400) ? text.substring(0, 400) + "..." : text;
	}

}
