package io.agentobs.claudecode.client.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a {@link ClaudeHook} answers: go on, block (a tool call, a prompt, a stop), change a
 * tool's input, add context for the model, replace a tool's output. Immutable; combine with
 * the {@code with...} methods, e.g. {@code HookOutput.proceed().withAdditionalContext("...")}.
 */
public final class HookOutput {

	private static final HookOutput PROCEED = new HookOutput(null, null, null, null);

	private final String blockReason;

	private final JsonNode updatedToolInput;

	private final String additionalContext;

	private final JsonNode updatedToolOutput;

	private HookOutput(String blockReason, JsonNode updatedToolInput, String additionalContext,
			JsonNode updatedToolOutput) {
		this.blockReason = blockReason;
		this.updatedToolInput = updatedToolInput;
		this.additionalContext = additionalContext;
		this.updatedToolOutput = updatedToolOutput;
	}

	/**
	 * Lets the agent go on unchanged.
	 * @return the output
	 */
	public static HookOutput proceed() {
		return PROCEED;
	}

	/**
	 * Blocks what the event is about: a tool call ({@code PreToolUse}, the model receives the
	 * reason), a prompt ({@code UserPromptSubmit}), a stop ({@code Stop},
	 * {@code SubagentStop}: the agent goes on with the reason), or gives the reason to the
	 * model as feedback ({@code PostToolUse}).
	 * @param reason why, as the model reads it
	 * @return the output
	 */
	public static HookOutput block(String reason) {
		return new HookOutput(reason, null, null, null);
	}

	/**
	 * Changes the tool's input ({@code PreToolUse}).
	 * @param input the input the tool runs with
	 * @return a new output
	 */
	public HookOutput withUpdatedToolInput(JsonNode input) {
		return new HookOutput(this.blockReason, input, this.additionalContext, this.updatedToolOutput);
	}

	/**
	 * Adds context for the model ({@code PreToolUse}, {@code PostToolUse},
	 * {@code PostToolUseFailure}, {@code UserPromptSubmit}, {@code SubagentStart}).
	 * @param context the text
	 * @return a new output
	 */
	public HookOutput withAdditionalContext(String context) {
		return new HookOutput(this.blockReason, this.updatedToolInput, context, this.updatedToolOutput);
	}

	/**
	 * Replaces the tool's output before the model sees it ({@code PostToolUse}).
	 * @param output the output
	 * @return a new output
	 */
	public HookOutput withUpdatedToolOutput(JsonNode output) {
		return new HookOutput(this.blockReason, this.updatedToolInput, this.additionalContext, output);
	}

	/**
	 * Why the hook blocks.
	 * @return the reason, {@code null} when it does not block
	 */
	public String getBlockReason() {
		return this.blockReason;
	}

	/**
	 * The tool input that replaces the model's.
	 * @return the input or {@code null}
	 */
	public JsonNode getUpdatedToolInput() {
		return this.updatedToolInput;
	}

	/**
	 * The context added for the model.
	 * @return the text or {@code null}
	 */
	public String getAdditionalContext() {
		return this.additionalContext;
	}

	/**
	 * The tool output that replaces the tool's.
	 * @return the output or {@code null}
	 */
	public JsonNode getUpdatedToolOutput() {
		return this.updatedToolOutput;
	}

	/**
	 * The output as telemetry records it: {@code block}, {@code modify} (input or output
	 * changed), {@code add_context} or {@code proceed}.
	 * @return the outcome
	 */
	public String outcome() {
		if (this.blockReason != null) {
			return "block";
		}
		if (this.updatedToolInput != null || this.updatedToolOutput != null) {
			return "modify";
		}
		return (this.additionalContext != null) ? "add_context" : "proceed";
	}

	/**
	 * The hook output the CLI reads ({@code SyncHookJSONOutput}).
	 * @param event the event answered
	 * @return the JSON
	 */
	public ObjectNode toJson(HookEvent event) {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		ObjectNode specific = JsonNodeFactory.instance.objectNode();
		if (this.blockReason != null) {
			if (event == HookEvent.PRE_TOOL_USE) {
				specific.put("permissionDecision", "deny");
				specific.put("permissionDecisionReason", this.blockReason);
			}
			else {
				json.put("decision", "block");
				json.put("reason", this.blockReason);
			}
		}
		if (this.updatedToolInput != null) {
			specific.set("updatedInput", this.updatedToolInput);
		}
		if (this.additionalContext != null) {
			specific.put("additionalContext", this.additionalContext);
		}
		if (this.updatedToolOutput != null) {
			specific.set("updatedToolOutput", this.updatedToolOutput);
		}
		if (!specific.isEmpty()) {
			json.set("hookSpecificOutput", specific.put("hookEventName", event.wireName()));
		}
		return json;
	}

	@Override
	public String toString() {
		return "HookOutput[" + outcome() + "]";
	}

}
