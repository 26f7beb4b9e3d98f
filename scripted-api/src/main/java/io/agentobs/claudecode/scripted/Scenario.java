package io.agentobs.claudecode.scripted;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the {@link ScriptedAnthropicApi} answers. A scenario is set per server or chosen by a
 * marker such as {@code [scenario:tool-call]} in a user prompt; the marker wins.
 */
public enum Scenario {

	/** One text block, {@code end_turn}. */
	PLAIN_ANSWER,

	/** Text and one Bash call {@code echo hello-from-tool}, then a final text. */
	TOOL_CALL,

	/** One Bash call {@code env} that prints the CLI's environment, then a final text. */
	PRINT_ENVIRONMENT,

	/** Two Bash calls in one message, then a final text. */
	PARALLEL_TOOLS,

	/** Bash {@code echo one}, then Bash {@code echo two} in the next turn, then a final text. */
	SEQUENTIAL_TOOLS,

	/** A Bash call that writes to stderr and exits 3, then a final text. */
	FAILING_TOOL,

	/** An {@code Agent} call whose subagent runs Bash {@code echo hello-from-subagent}, then a final text. */
	SUBAGENT,

	/** One Bash call, then a subagent, then a final text. */
	TOOL_AND_SUBAGENT,

	/** Asks for another Bash call on every turn, so {@code --max-turns} ends the run. */
	MAX_TURNS,

	/** HTTP 500 with an {@code api_error} body (the CLI retries it). */
	HTTP_500,

	/** HTTP 529 with an {@code overloaded_error} body (the CLI retries it). */
	HTTP_529,

	/** HTTP 401 with an {@code authentication_error} body. */
	HTTP_401,

	/** A plain answer whose SSE events are sent with a delay between them. */
	SLOW,

	/**
	 * A Bash call that takes a while ({@code sleep 8}), then a final text: a run to watch or
	 * interrupt while its tool runs.
	 */
	SLOW_TOOL,

	/** The tool-call script, each streamed call waiting before its first SSE event (time to first token). */
	FIRST_EVENT_DELAY,

	/** An {@code Agent} call with {@code run_in_background: true}; its subagent runs Bash, then a final text. */
	BACKGROUND_SUBAGENT,

	/**
	 * A streamed answer cut by an SSE {@code error} event ({@code overloaded_error}); the CLI's
	 * non-streamed retry gets the plain answer.
	 */
	STREAM_ERROR,

	/**
	 * A streamed answer whose connection ends after the first block's delta, with no error
	 * event and no {@code message_stop}, as when a proxy or the network drops it; the CLI's
	 * retry gets the plain answer.
	 */
	STREAM_CUT,

	/** HTTP 500, then HTTP 529 for the retry, then the plain answer. */
	RETRIED_ERRORS,

	/** A Bash call that sleeps longer than the CLI waits before it moves the command to a task, then a final text. */
	SLOW_BASH,

	/**
	 * A {@code StructuredOutput} call (the tool {@code --json-schema} adds) with
	 * {@code {"city": "Paris", "temperature": 21}}, which ends the turn.
	 */
	STRUCTURED_OUTPUT,

	/**
	 * An {@code Agent} call of the declared subagent {@code probe-reviewer}, whose
	 * conversation runs Bash {@code echo hello-from-subagent}, then a final text.
	 */
	NAMED_SUBAGENT,

	/**
	 * {@code ToolSearch} for {@code select:mcp__probe__echo}, then that MCP tool with
	 * {@code {"text": "ping"}}, then a final text.
	 */
	MCP_TOOL;

	private static final Pattern MARKER = Pattern.compile("\\[scenario:([a-z0-9-]+)]");

	/**
	 * The marker that selects this scenario from a prompt, e.g. {@code [scenario:tool-call]}.
	 * @return the marker
	 */
	public String marker() {
		return "[scenario:" + slug().replace('_', '-') + "]";
	}

	/**
	 * A prompt that selects this scenario.
	 * @param text the prompt text
	 * @return the text followed by this scenario's marker
	 */
	public String prompt(String text) {
		return text + " " + marker();
	}

	/**
	 * The lower-case name used in message and tool ids, e.g. {@code tool_call}.
	 * @return the slug
	 */
	public String slug() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Finds the last scenario marker in a text.
	 * @param text any text
	 * @return the scenario named by the last valid marker, if any
	 */
	public static Optional<Scenario> fromMarker(String text) {
		Scenario found = null;
		Matcher matcher = MARKER.matcher(text);
		while (matcher.find()) {
			String name = matcher.group(1).replace('-', '_').toUpperCase(Locale.ROOT);
			for (Scenario scenario : values()) {
				if (scenario.name().equals(name)) {
					found = scenario;
				}
			}
		}
		return Optional.ofNullable(found);
	}

}
