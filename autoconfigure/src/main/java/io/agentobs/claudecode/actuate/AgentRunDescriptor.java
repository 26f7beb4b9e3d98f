package io.agentobs.claudecode.actuate;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * An agent run as the {@code agentruns} endpoint shows it.
 *
 * @param id the run's id in the endpoint
 * @param agentName the agent name ({@code gen_ai.agent.name})
 * @param sessionId the CLI's session id ({@code gen_ai.conversation.id}), once known
 * @param traceId the trace id of the run's {@code invoke_agent} span
 * @param spanId the span id of the run's {@code invoke_agent} span
 * @param startedAt when the run started (ISO-8601)
 * @param elapsedMs time since the start, for a finished run its duration
 * @param state {@code waiting_for_model}, {@code running_tool}, {@code subagent_running} or
 * {@code finished}
 * @param currentTool the tool running now
 * @param currentToolSince when the current tool started (ISO-8601)
 * @param currentSubagent the subagent running now
 * @param modelCalls the model calls so far
 * @param toolCalls the tool calls so far
 * @param subagents the subagents so far
 * @param tokens the tokens so far
 * @param costUsd the cost in USD, once the agent reported it
 * @param model the model
 * @param outcome for a finished run, its {@code error.type} or else its result subtype
 * @param endedAt when a finished run ended (ISO-8601)
 * @param interruptible whether the run can be stopped through the endpoint
 * @param prompt the prompt, truncated, when inputs are recorded; {@code ******} unless values are shown
 * @param steps the step timeline (single-run view only)
 * @param droppedSteps steps beyond the per-run limit, counted but left out of the timeline
 * @param contextUsage the context usage of a run in progress, asked of its agent (single-run
 * view only, when the agent can tell)
 * @param mcpServers the MCP servers' status of a run in progress, asked of its agent
 * (single-run view only, when the agent can tell)
 * @param sessionStore {@code true} when the run's transcript is mirrored to a session store,
 * else absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentRunDescriptor(String id, String agentName, String sessionId, String traceId, String spanId,
		String startedAt, long elapsedMs, String state, String currentTool, String currentToolSince,
		String currentSubagent, int modelCalls, int toolCalls, int subagents, TokenCounts tokens, Double costUsd,
		String model, String outcome, String endedAt, boolean interruptible, String prompt,
		List<RunStepDescriptor> steps, Integer droppedSteps, Object contextUsage,
		Object mcpServers, Boolean sessionStore) implements OperationResponseBody {

	AgentRunDescriptor withoutSteps() {
		return new AgentRunDescriptor(this.id, this.agentName, this.sessionId, this.traceId, this.spanId,
				this.startedAt, this.elapsedMs, this.state, this.currentTool, this.currentToolSince,
				this.currentSubagent, this.modelCalls, this.toolCalls, this.subagents, this.tokens, this.costUsd,
				this.model, this.outcome, this.endedAt, this.interruptible, this.prompt, null, null, null, null,
				this.sessionStore);
	}

	AgentRunDescriptor withAgentStatus(Object contextUsage, Object mcpServers) {
		return new AgentRunDescriptor(this.id, this.agentName, this.sessionId, this.traceId, this.spanId,
				this.startedAt, this.elapsedMs, this.state, this.currentTool, this.currentToolSince,
				this.currentSubagent, this.modelCalls, this.toolCalls, this.subagents, this.tokens, this.costUsd,
				this.model, this.outcome, this.endedAt, this.interruptible, this.prompt, this.steps, this.droppedSteps,
				contextUsage, mcpServers, this.sessionStore);
	}

	AgentRunDescriptor withPrompt(String prompt) {
		return new AgentRunDescriptor(this.id, this.agentName, this.sessionId, this.traceId, this.spanId,
				this.startedAt, this.elapsedMs, this.state, this.currentTool, this.currentToolSince,
				this.currentSubagent, this.modelCalls, this.toolCalls, this.subagents, this.tokens, this.costUsd,
				this.model, this.outcome, this.endedAt, this.interruptible, prompt, this.steps, this.droppedSteps,
				this.contextUsage, this.mcpServers, this.sessionStore);
	}

}
