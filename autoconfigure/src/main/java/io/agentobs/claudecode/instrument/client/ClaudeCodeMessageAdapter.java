package io.agentobs.claudecode.instrument.client;

import io.agentobs.claudecode.instrument.AgentMessageAdapter;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.message.AssistantMessage;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ContentBlock;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.StreamEventMessage;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.client.message.Usage;
import io.agentobs.claudecode.client.message.UserMessage;
import io.agentobs.claudecode.run.AgentRunRecorder;
import io.agentobs.claudecode.run.AgentRunResult;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.TokenUsage;

/**
 * Adapts the project's own Claude Code client, which keeps every field the CLI emits: message
 * ids, models, per-call usage from {@code message_delta}, {@code parent_tool_use_id} and the
 * full result.
 */
public final class ClaudeCodeMessageAdapter implements AgentMessageAdapter<ClaudeMessage> {

	@Override
	public void record(ClaudeMessage message, AgentRunRecorder recorder) {
		if (message instanceof SystemMessage system) {
			system(system, recorder);
		}
		else if (message instanceof AssistantMessage assistant) {
			assistant(assistant, recorder);
		}
		else if (message instanceof UserMessage user) {
			for (ContentBlock.ToolResult result : user.toolResults()) {
				recorder.toolCallFinished(user.parentToolUseId(), result.toolUseId(), result.isError(),
						ToolResultText.of(result.content()));
			}
		}
		else if (message instanceof StreamEventMessage event) {
			streamEvent(event, recorder);
		}
		else if (message instanceof ResultMessage result) {
			recorder.finished(result(result));
		}
	}

	private void system(SystemMessage system, AgentRunRecorder recorder) {
		if (system.subtype() == null) {
			return;
		}
		switch (system.subtype()) {
			case "init" -> recorder.sessionStarted(system.sessionId(), system.model(), system.tools());
			case "status" -> {
				if ("requesting".equals(system.field("status"))) {
					recorder.model().modelRequested(system.field("parent_tool_use_id"));
				}
			}
			case "api_retry" -> recorder.model()
				.modelRequestRetried(system.field("parent_tool_use_id"), retryError(system),
						Math.max(0, system.raw().path("retry_delay_ms").asLong(0)));
			case "task_started" -> recorder.tasks().taskStarted(system.field("tool_use_id"), system.field("task_id"),
					system.field("task_type"), system.raw().path("is_backgrounded").asBoolean(false),
					system.field("subagent_type"), system.field("prompt"));
			case "task_updated" -> {
				if (system.raw().path("patch").path("is_backgrounded").asBoolean(false)) {
					recorder.tasks().taskBackgrounded(system.field("task_id"));
				}
			}
			case "task_notification" -> {
				String status = system.field("status");
				recorder.tasks().taskFinished(system.field("tool_use_id"), system.field("task_id"),
						(status == null || "completed".equals(status)) ? null : status);
			}
			default -> {
			}
		}
	}

	/** The {@code error.type} of a retried request: its HTTP status, else the CLI's error name. */
	private static String retryError(SystemMessage retry) {
		JsonNode status = retry.raw().path("error_status");
		if (status.isNumber() || (status.isTextual() && !status.asText().isBlank())) {
			return status.asText();
		}
		return retry.field("error");
	}

	private void assistant(AssistantMessage assistant, AgentRunRecorder recorder) {
		if (assistant.isSynthetic()) {
			// Not a model call, but it tells why the request in progress failed
			recorder.model().modelRequestFailed(assistant.parentToolUseId(), (assistant.apiErrorStatus() != null)
					? String.valueOf(assistant.apiErrorStatus()) : assistant.error());
			return;
		}
		List<ChatOutputPart> parts = new ArrayList<>();
		List<ChatOutputPart.ToolCall> toolCalls = new ArrayList<>();
		for (ContentBlock block : assistant.content()) {
			if (block instanceof ContentBlock.Text text && text.text() != null) {
				parts.add(new ChatOutputPart.Text(text.text()));
			}
			else if (block instanceof ContentBlock.ToolUse toolUse) {
				// Arguments written once, for the chat's output and the tool's start
				ChatOutputPart.ToolCall toolCall = new ChatOutputPart.ToolCall(toolUse.id(), toolUse.name(),
						json(toolUse.input()));
				parts.add(toolCall);
				toolCalls.add(toolCall);
			}
		}
		recorder.model().modelOutput(assistant.parentToolUseId(), assistant.agentId(), assistant.messageId(),
				assistant.model(), tokens(assistant.usage()), parts, assistant.stopReason());
		for (ChatOutputPart.ToolCall toolCall : toolCalls) {
			recorder.toolCallStarted(assistant.parentToolUseId(), toolCall.id(), toolCall.name(), toolCall.arguments());
		}
	}

	private void streamEvent(StreamEventMessage event, AgentRunRecorder recorder) {
		event.messageStart()
			.ifPresent((start) -> recorder.model().modelCallStarted(event.parentToolUseId(), start.messageId(), start.model(),
					tokens(start.usage())));
		event.messageDelta()
			.ifPresent((delta) -> recorder.model().modelCallFinished(event.parentToolUseId(), event.apiMessageId(),
					delta.stopReason(), deltaTokens(delta.usage())));
		if ("message_stop".equals(event.eventType())) {
			recorder.model().modelResponseStopped(event.parentToolUseId(), event.apiMessageId());
		}
	}

	private static AgentRunResult result(ResultMessage result) {
		return new AgentRunResult(result.subtype(), result.isError(), result.numTurns(), result.durationApiMs(),
				result.totalCostUsd(), tokens(result.usage()), result.terminalReason(),
				result.permissionDenials().size(), result.apiErrorStatus(), result.result(), result.errors());
	}

	static TokenUsage tokens(Usage usage) {
		if (usage == null) {
			return null;
		}
		return new TokenUsage(usage.totalInputTokens(), usage.outputTokens(), usage.cacheReadInputTokens(),
				usage.cacheCreationInputTokens());
	}

	/**
	 * The usage of a {@code message_delta}: its output tokens are final; its input side is
	 * used only when complete, since a partial one would drop the cache tokens.
	 */
	private static TokenUsage deltaTokens(Usage usage) {
		if (usage == null) {
			return null;
		}
		boolean completeInput = usage.inputTokens() != null && usage.cacheReadInputTokens() != null
				&& usage.cacheCreationInputTokens() != null;
		return completeInput ? tokens(usage) : new TokenUsage(null, usage.outputTokens(), null, null);
	}

	private static String json(JsonNode node) {
		return (node != null) ? node.toString() : null;
	}

}
