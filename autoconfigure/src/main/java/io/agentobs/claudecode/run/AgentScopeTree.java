package io.agentobs.claudecode.run;

import io.agentobs.claudecode.micrometer.AgentObservationFactory;
import io.agentobs.claudecode.micrometer.Observations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;

/**
 * The agents of a run: the top-level agent and the subagents, each found by the
 * {@code parent_tool_use_id} of its messages (the id of the tool call that launched it).
 * A subagent nests in the agent whose tool call launched it, or in the top-level agent when
 * that call is unknown, so that ending an agent always ends its subagents.
 */
final class AgentScopeTree {

	private final AgentObservationFactory observations;

	private final ModelCalls modelCalls;

	private final ToolCalls tools;

	private final AgentScope root;

	private final Map<String, AgentScope> subagents = new LinkedHashMap<>();

	AgentScopeTree(AgentObservationFactory observations, AgentInvocationObservationContext rootContext,
			ModelCalls modelCalls, ToolCalls tools) {
		this.observations = observations;
		this.modelCalls = modelCalls;
		this.tools = tools;
		this.root = new AgentScope(rootContext, null, null);
	}

	AgentScope root() {
		return this.root;
	}

	/**
	 * The subagent launched by a tool call.
	 * @param parentToolUseId the id of the launching tool call
	 * @return the subagent, or {@code null} when none was opened for it
	 */
	AgentScope subagent(String parentToolUseId) {
		return this.subagents.get(parentToolUseId);
	}

	/**
	 * The agent of a message: the top-level one, or the subagent of its
	 * {@code parent_tool_use_id}, opened on its first message.
	 * @param parentToolUseId the message's {@code parent_tool_use_id}
	 * @param agentId the subagent id, may be {@code null}
	 * @param subagentType the subagent type, may be {@code null}
	 * @return the agent, or {@code null} when that subagent has ended
	 */
	AgentScope resolve(String parentToolUseId, String agentId, String subagentType) {
		if (parentToolUseId == null) {
			return this.root;
		}
		AgentScope scope = this.subagents.get(parentToolUseId);
		if (scope != null) {
			return scope.ended ? null : scope;
		}
		return open(parentToolUseId, agentId, subagentType, this.tools.get(parentToolUseId));
	}

	/**
	 * Ends an agent and everything in it, in order: its model call, its subagents, its tool
	 * calls, the agent; then the call that launched it when that call waited for it.
	 * @param scope the agent
	 */
	void end(AgentScope scope) {
		this.modelCalls.end(scope);
		for (AgentScope child : openChildren(scope)) {
			end(child);
		}
		this.tools.endAll(scope);
		scope.ended = true;
		Observations.stop(scope.observation);
		if (scope.launcherToolUseId != null) {
			this.tools.subagentEnded(scope.launcherToolUseId);
		}
	}

	/**
	 * Opens the subagent of a tool call: a child of the launching call's observation, or of
	 * the top-level agent when the launching call is not open.
	 * @param parentToolUseId the id of the launching tool call
	 * @param agentId the subagent id, may be {@code null}
	 * @param subagentType the subagent type, may be {@code null}
	 * @param launcher the launching tool call, {@code null} when it is not open
	 * @return the started subagent
	 */
	private AgentScope open(String parentToolUseId, String agentId, String subagentType, OpenTool launcher) {
		String name = (subagentType != null) ? subagentType : (launcher != null) ? launcher.subagentType() : null;
		AgentInvocationObservationContext context = new AgentInvocationObservationContext(
				(name != null) ? name : "subagent");
		context.setProviderName(this.root.context.getProviderName());
		context.setConversationId(this.root.context.getConversationId());
		context.setAgentId(agentId);
		AgentScope parent = (launcher != null && !launcher.scope().ended) ? launcher.scope() : this.root;
		AgentScope scope = new AgentScope(context, parent, parentToolUseId);
		scope.observation = this.observations.startAgent(context,
				(launcher != null) ? launcher.observation() : parent.observation);
		this.subagents.put(parentToolUseId, scope);
		return scope;
	}

	/**
	 * The subagents nested directly in an agent that have not ended.
	 * @param scope the agent
	 * @return its open subagents
	 */
	private List<AgentScope> openChildren(AgentScope scope) {
		List<AgentScope> children = new ArrayList<>();
		for (AgentScope subagent : this.subagents.values()) {
			if (subagent.parent == scope && !subagent.ended) {
				children.add(subagent);
			}
		}
		return children;
	}

	void clear() {
		this.subagents.clear();
	}

}
