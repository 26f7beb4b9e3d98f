package io.agentobs.claudecode.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.agentobs.claudecode.client.cli.ClaudeCliLocator;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;

/**
 * Records a transcript: runs the real Claude Code CLI once in one-shot mode ({@code -p},
 * {@code --output-format stream-json --verbose}, model {@code claude-sonnet-4-5}, Bash
 * allowed) against a {@link ScriptedAnthropicApi} answering one {@link Scenario}, with a
 * {@link HermeticCliEnvironment}, and writes the CLI's stdout line by line, with the
 * temporary home written as {@code /home/dev} and the working directory as
 * {@code /home/dev/project}, as in the committed recordings.
 * <p>
 * Arguments: the scenario ({@code TOOL_CALL}), the output file, then any further CLI
 * arguments ({@code --include-partial-messages}, {@code --max-turns 1}). Two options shape
 * the scripted API instead: {@code --api-first-event-delay=MS} and
 * {@code --api-slow-event-delay=MS}. {@code src/scripts/record-transcript.sh} runs it; see
 * {@code docs/testing.md}.
 */
public final class TranscriptRecorder {

	/** The home directory the committed recordings show. */
	static final String RECORDED_HOME = "/home/dev";

	private static final String API_FIRST_EVENT_DELAY = "--api-first-event-delay=";

	private static final String API_SLOW_EVENT_DELAY = "--api-slow-event-delay=";

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private TranscriptRecorder() {
	}

	public static void main(String[] arguments) throws Exception {
		if (arguments.length < 2) {
			System.err.println("Usage: TranscriptRecorder SCENARIO OUTPUT [CLI arguments...] "
					+ "[--api-first-event-delay=MS] [--api-slow-event-delay=MS]\nScenarios: "
					+ Arrays.toString(Scenario.values()));
			System.exit(2);
		}
		Scenario scenario = Scenario.valueOf(arguments[0]);
		Path output = Path.of(arguments[1]).toAbsolutePath();
		ScriptedAnthropicApi.Builder api = ScriptedAnthropicApi.builder().scenario(scenario);
		List<String> cliArguments = new ArrayList<>();
		for (String argument : Arrays.asList(arguments).subList(2, arguments.length)) {
			if (argument.startsWith(API_FIRST_EVENT_DELAY)) {
				api.firstEventDelay(millis(argument, API_FIRST_EVENT_DELAY));
			}
			else if (argument.startsWith(API_SLOW_EVENT_DELAY)) {
				api.slowEventDelay(millis(argument, API_SLOW_EVENT_DELAY));
			}
			else {
				cliArguments.add(argument);
			}
		}
		List<String> lines = record(api, scenario, cliArguments);
		Files.createDirectories(output.getParent());
		Files.write(output, lines);
		System.out.println("Wrote " + lines.size() + " lines of scenario " + scenario + " to " + output);
	}

	/**
	 * Runs the CLI once and returns its stdout lines, the temporary paths replaced.
	 * @param apiBuilder the scripted API to start
	 * @param scenario the scenario the prompt names
	 * @param cliArguments further CLI arguments
	 * @return the lines in order
	 */
	static List<String> record(ScriptedAnthropicApi.Builder apiBuilder, Scenario scenario, List<String> cliArguments)
			throws IOException, InterruptedException {
		try (HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();
				ScriptedAnthropicApi api = apiBuilder.start()) {
			Path workingDirectory = Files.createDirectory(cliHome.home().resolve("project"));
			List<String> command = new ArrayList<>(List.of(new ClaudeCliLocator().locate(null).toString(), "-p",
					scenario.prompt("Do the task."), "--output-format", "stream-json", "--verbose", "--model",
					"claude-sonnet-4-5", "--allowedTools", "Bash"));
			command.addAll(cliArguments);
			Path stdout = cliHome.home().resolve("stdout.jsonl");
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				// An open stdin makes the CLI wait 3 s for piped input before it starts.
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.redirectOutput(stdout.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT);
			builder.environment().putAll(cliHome.environment(api.cliEnvironment()));
			Process process = builder.start();
			try {
				if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
					throw new IllegalStateException("The CLI did not finish within " + TIMEOUT);
				}
			}
			finally {
				process.destroyForcibly();
			}
			String home = cliHome.home().toString();
			return Files.readAllLines(stdout, StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> !line.isBlank())
				.map((line) -> line.replace(home, RECORDED_HOME)
					.replace(dashed(home), dashed(RECORDED_HOME)))
				.toList();
		}
	}

	/** A path as the CLI writes it in a project key ({@code -home-dev-project}). */
	private static String dashed(String path) {
		return path.replaceAll("[^A-Za-z0-9]", "-");
	}

	private static Duration millis(String argument, String option) {
		return Duration.ofMillis(Long.parseLong(argument.substring(option.length())));
	}

}
