package io.agentobs.claudecode.instrument.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.client.control.PermissionDecision;
import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.message.AssistantMessage;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ContentBlock;
import io.agentobs.claudecode.client.message.RateLimitEvent;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.StreamEventMessage;
import io.agentobs.claudecode.client.message.SystemMessage;
import io.agentobs.claudecode.client.message.Usage;
import io.agentobs.claudecode.client.message.UserMessage;
import io.agentobs.claudecode.instrument.AgentMessageAdapter;
import io.agentobs.claudecode.observation.ChatOutputPart;
import io.agentobs.claudecode.observation.TokenUsage;
import io.agentobs.claudecode.run.AgentRunEvents;
import io.agentobs.claudecode.run.AgentRunEvents.ModelOutput;
import io.agentobs.claudecode.run.AgentRunEvents.ModelResponseEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ModelResponseStart;
import io.agentobs.claudecode.run.AgentRunEvents.PermissionDecided;
import io.agentobs.claudecode.run.AgentRunEvents.PermissionDenial;
import io.agentobs.claudecode.run.AgentRunEvents.RateLimit;
import io.agentobs.claudecode.run.AgentRunEvents.TaskStart;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallEnd;
import io.agentobs.claudecode.run.AgentRunEvents.ToolCallStart;
import io.agentobs.claudecode.run.AgentRunResult;

/**
 * Adapts the project's own Claude Code client, which keeps every field the CLI emits: message
 * ids, models, per-call usage from {@code message_delta}, {@code parent_tool_use_id} and the
 * full result.
 */
public final class ClaudeCodeMessageAdapter implements AgentMessageAdapter<ClaudeMessage> {

	/** The result's field holding the output of a run with a JSON schema. */
	private static final String STRUCTURED_OUTPUT = "structured_output";

	@Override
	public void record(ClaudeMessage message, AgentRunEvents events) {
		if (message instanceof SystemMessage system) {
			system(system, events);
		}
		else if (message instanceof AssistantMessage assistant) {
			assistant(assistant, events);
		}
		else if (message instanceof UserMessage user) {
			for (ContentBlock.ToolResult result : user.toolResults()) {
				events.toolCallFinished(new ToolCallEnd(user.parentToolUseId(), result.toolUseId(), result.isError(),
						ToolResultText.of(result.content())));
			}
		}
		else if (message instanceof StreamEventMessage event) {
			streamEvent(event, events);
		}
		else if (message instanceof ResultMessage result) {
			JsonNode structuredOutput = result.raw().get(STRUCTURED_OUTPUT);
			if (structuredOutput != null && !structuredOutput.isNull()) {
				events.structuredOutputReturned(structuredOutput.toString());
			}
			events.contextWindowsReported(contextWindows(result));
			events.finished(result(result));
		}
		else if (message instanceof RateLimitEvent rateLimit) {
			RateLimitEvent.RateLimitInfo info = rateLimit.info();
			events.rateLimitReported(new RateLimit(info.status(), info.rateLimitType(), info.utilization()));
		}
	}

	private void system(SystemMessage system, AgentRunEvents events) {
		system.init().ifPresent((init) -> events.sessionStarted(system.sessionId(), init.model(), init.tools()));
		if ("mirror_error".equals(system.subtype())) {
			events.sessionStoreFailed(system.raw().path("error").asText());
		}
		system.status()
			.filter(SystemMessage.Status::isRequesting)
			.ifPresent((status) -> events.modelRequested(status.parentToolUseId()));
		system.apiRetry()
			.ifPresent((retry) -> events.modelRequestRetried(retry.parentToolUseId(), retry.errorType(),
					retry.retryDelayMillis()));
		system.taskStarted()
			.ifPresent((task) -> events.taskStarted(new TaskStart(task.toolUseId(), task.taskId(), task.taskType(),
					task.backgrounded(), task.subagentType(), task.prompt())));
		system.taskUpdated()
			.filter(SystemMessage.TaskUpdated::backgrounded)
			.ifPresent((task) -> events.taskBackgrounded(task.taskId()));
		system.taskNotification()
			.ifPresent((task) -> events.taskFinished(task.toolUseId(), task.taskId(), task.failureStatus()));
		system.permissionDenied().ifPresent((denied) -> {
			// The CLI denied the call on its own (its settings or permission mode)
			events.permissionDecided(
					new PermissionDecided(denied.toolUseId(), "deny", PermissionDecision.Source.CLI.value(), null));
			events.permissionDenied(new PermissionDenial(denied.toolUseId(), denied.toolName(),
					denied.decisionReasonType(), denied.reason()));
		});
		system.compactBoundary().ifPresent((compaction) -> events.conversationCompacted(compaction.trigger()));
	}

	private void assistant(AssistantMessage assistant, AgentRunEvents events) {
		if (assistant.isSynthetic()) {
			// Not a model call, but it tells why the request in progress failed
			events.modelRequestFailed(assistant.parentToolUseId(), (assistant.apiErrorStatus() != null)
					? String.valueOf(assistant.apiErrorStatus()) : assistant.error());
			return;
		}
		List<ChatOutputPart> parts = new ArrayList<>();
		List<ToolCallStart> toolCalls = new ArrayList<>();
		for (ContentBlock block : assistant.content()) {
			if (block instanceof ContentBlock.Text text && text.text() != null) {
				parts.add(new ChatOutputPart.Text(text.text()));
			}
			else if (block instanceof ContentBlock.ToolUse toolUse) {
				// Arguments written once, for the chat's output and the tool's start
				String arguments = (toolUse.input() != null) ? toolUse.input().toString() : null;
				parts.add(new ChatOutputPart.ToolCall(toolUse.id(), toolUse.name(), arguments));
				toolCalls.add(new ToolCallStart(assistant.parentToolUseId(), toolUse.id(), toolUse.name(), arguments,
						toolUse.subagentType()));
			}
		}
		events.modelOutput(new ModelOutput(assistant.parentToolUseId(), assistant.agentId(), assistant.messageId(),
				assistant.model(), tokens(assistant.usage()), parts, assistant.stopReason()));
		toolCalls.forEach(events::toolCallStarted);
	}

	private void streamEvent(StreamEventMessage event, AgentRunEvents events) {
		event.messageStart()
			.ifPresent((start) -> events.modelResponseStarted(new ModelResponseStart(event.parentToolUseId(),
					start.messageId(), start.model(), tokens(start.usage()))));
		event.messageDelta()
			.ifPresent((delta) -> events.modelResponseFinished(new ModelResponseEnd(event.parentToolUseId(),
					event.apiMessageId(), delta.stopReason(), deltaTokens(delta.usage()))));
		if ("message_stop".equals(event.eventType())) {
			events.modelResponseStopped(event.parentToolUseId(), event.apiMessageId());
		}
	}

	private static AgentRunResult result(ResultMessage result) {
		return new AgentRunResult(result.subtype(), result.isError(), result.numTurns(), result.durationApiMs(),
				result.totalCostUsd(), tokens(result.usage()), result.terminalReason(),
				result.permissionDenials().size(), result.apiErrorStatus(), result.result(), result.errors());
	}

	private static Map<String, Long> contextWindows(ResultMessage result) {
		Map<String, Long> windows = new LinkedHashMap<>();
		if (result.modelUsage() != null) {
			result.modelUsage().forEach((model, usage) -> {
				if (usage.contextWindow() != null) {
					windows.put(model, usage.contextWindow());
				}
			});
		}
		return windows;
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

}
