package io.agentobs.claudecode.scripted;

import java.util.LinkedHashMap;
import java.util.Map;

import io.agentobs.claudecode.scripted.ScriptedReply.Error;
import io.agentobs.claudecode.scripted.ScriptedReply.Message;
import io.agentobs.claudecode.scripted.ScriptedReply.Text;
import io.agentobs.claudecode.scripted.ScriptedReply.ToolUse;

/**
 * The scripts of the {@link Scenario}s: which reply a conversation gets at each step. A step past
 * the end of a script, and any request that is not the agent loop, gets a plain answer.
 */
final class ScenarioScripts {

	/** The prompt the scripted {@code Agent} call gives its subagent. */
	static final String SUBAGENT_PROMPT = ConversationState.SUBAGENT_MARKER
			+ " run echo hello-from-subagent with Bash";

	/** How long the Bash call of {@link Scenario#SLOW_TOOL} takes. */
	static final int SLOW_TOOL_SECONDS = 8;

	/** The command of {@link Scenario#SLOW_BASH}. */
	static final String SLOW_BASH_COMMAND = "sleep 4; echo slow-done";

	/** The declared subagent {@link Scenario#NAMED_SUBAGENT} launches. */
	static final String NAMED_SUBAGENT_TYPE = "probe-reviewer";

	/** The MCP tool {@link Scenario#MCP_TOOL} calls: tool {@code echo} of server {@code probe}. */
	static final String MCP_TOOL_NAME = "mcp__probe__echo";

	static final String PLAIN_TEXT = "Hello from the scripted API.";

	static final String FINAL_TEXT = "Done: hello-from-tool.";

	static final String SUBAGENT_FINAL_TEXT = "Subagent finished: hello-from-subagent.";

	private ScenarioScripts() {
	}

	/**
	 * Chooses the reply.
	 * @param scenario the active scenario
	 * @param state the state of the requesting conversation
	 * @return the reply
	 */
	static ScriptedReply reply(Scenario scenario, ConversationState state) {
		ScriptedReply error = error(scenario);
		if (error != null) {
			return error;
		}
		if (!state.hasTools()) {
			return Message.text(PLAIN_TEXT);
		}
		if (state.subagent()) {
			return subagent(state.step());
		}
		int step = state.step();
		return switch (scenario) {
			case TOOL_CALL, FIRST_EVENT_DELAY -> (step == 0) ? Message.toolUse(new Text("I will run a command."),
					ToolUse.bash("echo hello-from-tool", "echo")) : finalText(step, 1);
			case PRINT_ENVIRONMENT -> (step == 0) ? Message.toolUse(new Text("I will print the environment."),
					ToolUse.bash("env", "print the environment")) : finalText(step, 1);
			case PARALLEL_TOOLS -> (step == 0) ? Message.toolUse(new Text("I will run two commands."),
					ToolUse.bash("echo hello-from-tool-1", "echo one"),
					ToolUse.bash("echo hello-from-tool-2", "echo two")) : finalText(step, 1);
			case SEQUENTIAL_TOOLS -> switch (step) {
				case 0 -> Message.toolUse(new Text("I will run the first command."), ToolUse.bash("echo one", "echo one"));
				case 1 -> Message.toolUse(new Text("I will run the second command."), ToolUse.bash("echo two", "echo two"));
				default -> finalText(step, 2);
			};
			case FAILING_TOOL -> (step == 0) ? Message.toolUse(new Text("I will run a failing command."),
					ToolUse.bash("echo to-stderr >&2; exit 3", "fail")) : finalText(step, 1);
			case SUBAGENT -> (step == 0) ? Message.toolUse(new Text("I will delegate to a subagent."), agent(false))
					: finalText(step, 1);
			case BACKGROUND_SUBAGENT -> (step == 0)
					? Message.toolUse(new Text("I will delegate to a background subagent."), agent(true))
					: finalText(step, 1);
			case SLOW_BASH -> (step == 0) ? Message.toolUse(new Text("I will run a slow command."),
					ToolUse.bash(SLOW_BASH_COMMAND, "slow")) : finalText(step, 1);
			case TOOL_AND_SUBAGENT -> switch (step) {
				case 0 -> Message.toolUse(new Text("I will run a command."),
						ToolUse.bash("echo hello-from-tool", "echo"));
				case 1 -> Message.toolUse(new Text("I will delegate to a subagent."), agent(false));
				default -> finalText(step, 2);
			};
			case SLOW_TOOL -> (step == 0) ? Message.toolUse(new Text("I will run a slow command."),
					ToolUse.bash("sleep " + SLOW_TOOL_SECONDS + " && echo slow-done", "slow command"))
					: finalText(step, 1);
			case MAX_TURNS -> Message.toolUse(new Text("Turn " + (step + 1) + ": one more command."),
					ToolUse.bash("echo turn-" + (step + 1), "echo turn"));
			case STRUCTURED_OUTPUT -> (step == 0) ? Message.toolUse(new Text("Here is the forecast."),
					new ToolUse("StructuredOutput", Map.of("city", "Paris", "temperature", 21)))
					: finalText(step, 1);
			case NAMED_SUBAGENT -> (step == 0)
					? Message.toolUse(new Text("I will ask the reviewer."), agent(false, NAMED_SUBAGENT_TYPE))
					: finalText(step, 1);
			case MCP_TOOL -> switch (step) {
				case 0 -> Message.toolUse(new Text("I will look for the probe tool."), new ToolUse("ToolSearch",
						Map.of("query", "select:" + MCP_TOOL_NAME, "max_results", 1)));
				case 1 -> Message.toolUse(new Text("I will call the probe tool."),
						new ToolUse(MCP_TOOL_NAME, Map.of("text", "ping")));
				default -> finalText(step, 2);
			};
			default -> Message.text(PLAIN_TEXT);
		};
	}

	private static ScriptedReply error(Scenario scenario) {
		return switch (scenario) {
			case HTTP_500 -> new Error(500, "api_error", "Internal server error");
			case HTTP_529 -> new Error(529, "overloaded_error", "Overloaded");
			case HTTP_401 -> new Error(401, "authentication_error", "invalid x-api-key");
			default -> null;
		};
	}

	private static Message subagent(int step) {
		return (step == 0) ? Message.toolUse(ToolUse.bash("echo hello-from-subagent", "echo sub"))
				: Message.text(SUBAGENT_FINAL_TEXT);
	}

	private static Message finalText(int step, int finalStep) {
		return Message.text((step == finalStep) ? FINAL_TEXT : PLAIN_TEXT);
	}

	private static ToolUse agent(boolean background) {
		return agent(background, "general-purpose");
	}

	private static ToolUse agent(boolean background, String subagentType) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("description", "probe subagent");
		input.put("prompt", SUBAGENT_PROMPT);
		input.put("subagent_type", subagentType);
		input.put("run_in_background", background);
		return new ToolUse("Agent", input);
	}

}
