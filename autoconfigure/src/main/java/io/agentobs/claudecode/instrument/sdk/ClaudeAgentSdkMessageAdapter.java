package io.agentobs.claudecode.instrument.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agentobs.claudecode.client.message.ContentBlock.ToolUse;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.instrument.AgentMessageAdapter;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.TokenUsage;
import io.agentobs.claudecode.run.AgentRunEvents;
import io.agentobs.claudecode.run.AgentRunEvents.ModelOutput;
import io.agentobs.claudecode.run.AgentRunEvents.PermissionDenial;
import io.agentobs.claudecode.run.AgentRunEvents.SubagentStart;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallStart;
import io.agentobs.claudecode.run.AgentRunResult;
import org.springaicommunity.claude.agent.sdk.types.AssistantMessage;
import org.springaicommunity.claude.agent.sdk.types.ContentBlock;
import org.springaicommunity.claude.agent.sdk.types.Message;
import org.springaicommunity.claude.agent.sdk.types.ResultMessage;
import org.springaicommunity.claude.agent.sdk.types.SystemMessage;
import org.springaicommunity.claude.agent.sdk.types.TextBlock;
import org.springaicommunity.claude.agent.sdk.types.ToolResultBlock;
import org.springaicommunity.claude.agent.sdk.types.ToolUseBlock;
import org.springaicommunity.claude.agent.sdk.types.UserMessage;

/**
 * Adapts the messages of the {@code org.springaicommunity:claude-code-sdk} clients. That SDK
 * keeps only the content of assistant messages and drops {@code parent_tool_use_id},
 * {@code stream_event} lines and most result fields, so the recorded run is coarser than
 * with the project's own client: one chat per assistant turn (the assistant messages between
 * two tool results) with the agent's model, no response id, response model or per-call
 * tokens; tools timed from tool use to tool result; totals and cost on the agent.
 */
final class ClaudeAgentSdkMessageAdapter implements AgentMessageAdapter<Message> {

	@Override
	public void record(Message message, AgentRunEvents events) {
		if (message instanceof SystemMessage system) {
			system(system, events);
		}
		else if (message instanceof AssistantMessage assistant) {
			assistant(assistant, events);
		}
		else if (message instanceof UserMessage user && user.getContentAsBlocks() != null) {
			for (ContentBlock block : user.getContentAsBlocks()) {
				if (block instanceof ToolResultBlock result) {
					events.toolCallFinished(
							new ToolCallEnd(null, result.toolUseId(), Boolean.TRUE.equals(result.isError()),
									resultText(result)));
				}
			}
		}
		else if (message instanceof ResultMessage result) {
			events.finished(result(result));
		}
	}

	private void system(SystemMessage system, AgentRunEvents events) {
		Map<String, Object> data = (system.data() != null) ? system.data() : Map.of();
		switch (String.valueOf(system.subtype())) {
			case "init" -> events.sessionStarted(string(data, "session_id"), string(data, "model"),
					(data.get("tools") instanceof List<?> tools) ? tools.stream().map(String::valueOf).toList() : null);
			case "task_started" -> events.subagentStarted(new SubagentStart(string(data, "tool_use_id"),
					string(data, "task_id"), string(data, "subagent_type"), string(data, "prompt")));
			case "task_notification" -> {
				String status = string(data, "status");
				events.subagentFinished(string(data, "tool_use_id"),
						(status == null || "completed".equals(status)) ? null : status);
			}
			case "permission_denied" -> {
				String reason = string(data, "decision_reason");
				events.permissionDenied(new PermissionDenial(string(data, "tool_use_id"), string(data, "tool_name"),
						string(data, "decision_reason_type"),
						(reason != null && !reason.isBlank()) ? reason : string(data, "message")));
			}
			case "compact_boundary" -> events.conversationCompacted(
					(data.get("compact_metadata") instanceof Map<?, ?> metadata && metadata.get("trigger") != null)
							? String.valueOf(metadata.get("trigger")) : null);
			default -> {
			}
		}
	}

	private void assistant(AssistantMessage assistant, AgentRunEvents events) {
		List<ChatOutputPart> parts = new ArrayList<>();
		for (ContentBlock block : assistant.content()) {
			if (block instanceof TextBlock text && text.text() != null) {
				parts.add(new ChatOutputPart.Text(text.text()));
			}
			else if (block instanceof ToolUseBlock toolUse) {
				parts.add(new ChatOutputPart.ToolCall(toolUse.id(), toolUse.name(), json(toolUse.input())));
			}
		}
		events.modelOutput(ModelOutput.of(parts));
		for (ToolUseBlock toolUse : assistant.getToolUses()) {
			events.toolCallStarted(
					new ToolCallStart(null, toolUse.id(), toolUse.name(), json(toolUse.input()),
							subagentType(toolUse)));
		}
	}

	private static String subagentType(ToolUseBlock toolUse) {
		return (ToolUse.launchesSubagent(toolUse.name()) && toolUse.input() != null)
				? string(toolUse.input(), ToolUse.SUBAGENT_TYPE) : null;
	}

	private static AgentRunResult result(ResultMessage result) {
		// The CLI reports API errors as is_error with subtype "success"; the SDK drops the status.
		String subtype = (result.isError() && "success".equals(result.subtype())) ? null : result.subtype();
		return new AgentRunResult(subtype, result.isError(), result.numTurns(), (long) result.durationApiMs(),
				result.totalCostUsd(), tokens(result.usage()), null, null, null, result.result(), null);
	}

	static TokenUsage tokens(Map<String, Object> usage) {
		if (usage == null || usage.isEmpty()) {
			return null;
		}
		Long input = number(usage, "input_tokens");
		Long cacheRead = number(usage, "cache_read_input_tokens");
		Long cacheCreation = number(usage, "cache_creation_input_tokens");
		Long totalInput = (input != null) ? input + orZero(cacheRead) + orZero(cacheCreation) : null;
		return new TokenUsage(totalInput, number(usage, "output_tokens"), cacheRead, cacheCreation);
	}

	private static String resultText(ToolResultBlock result) {
		if (result.content() instanceof String text) {
			return text;
		}
		List<Map<String, Object>> blocks = result.getContentAsList();
		if (blocks == null) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (Map<String, Object> block : blocks) {
			if (!"text".equals(block.get("type")) || !(block.get("text") instanceof String value)) {
				return json(blocks);
			}
			text.append(text.isEmpty() ? "" : "\n").append(value);
		}
		return text.toString();
	}

	private static String string(Map<String, Object> data, String key) {
		return (data.get(key) instanceof String value) ? value : null;
	}

	private static Long number(Map<String, Object> data, String key) {
		return (data.get(key) instanceof Number value) ? value.longValue() : null;
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0L;
	}

	private static String json(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return Json.mapper().writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			return String.valueOf(value);
		}
	}

}
