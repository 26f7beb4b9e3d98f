package io.agentobs.claudecode.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentobs.claudecode.micrometer.AgentObservationFactory;
import io.agentobs.claudecode.micrometer.Observations;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;

/**
 * The agents of a run: the top-level agent and the subagents, each found by the
 * {@code parent_tool_use_id} of its messages (the id of the tool call that launched it).
 * A subagent nests in the agent whose tool call launched it, or in the top-level agent when
 * that call is unknown, so that ending an agent always ends its subagents.
 */
final class AgentTree {

	private final AgentObservationFactory observations;

	private final ModelCalls modelCalls;

	private final ToolCalls tools;

	private final AgentNode root;

	private final Map<String, AgentNode> subagents = new LinkedHashMap<>();

	AgentTree(AgentObservationFactory observations, AgentInvocationObservationContext rootContext,
			ModelCalls modelCalls, ToolCalls tools) {
		this.observations = observations;
		this.modelCalls = modelCalls;
		this.tools = tools;
		this.root = new AgentNode(rootContext, null, null);
	}

	AgentNode root() {
		return this.root;
	}

	/**
	 * The subagent launched by a tool call.
	 * @param launcherToolUseId the id of the launching tool call
	 * @return the subagent, or {@code null} when none was opened for it
	 */
	AgentNode subagent(String launcherToolUseId) {
		return this.subagents.get(launcherToolUseId);
	}

	/**
	 * The agent of a message: the top-level one, or the subagent of its
	 * {@code parent_tool_use_id}, opened on its first message.
	 * @param parentToolUseId the message's {@code parent_tool_use_id}
	 * @param agentId the subagent id, may be {@code null}
	 * @param subagentType the subagent type, may be {@code null}
	 * @return the agent, or {@code null} when that subagent has ended
	 */
	AgentNode resolve(String parentToolUseId, String agentId, String subagentType) {
		if (parentToolUseId == null) {
			return this.root;
		}
		AgentNode agent = this.subagents.get(parentToolUseId);
		if (agent != null) {
			return agent.ended ? null : agent;
		}
		return open(parentToolUseId, agentId, subagentType, this.tools.get(parentToolUseId));
	}

	/**
	 * Ends an agent and everything in it, in order: its model call, its subagents, its tool
	 * calls, the agent; then the call that launched it when that call waited for it.
	 * @param agent the agent
	 */
	void end(AgentNode agent) {
		this.modelCalls.end(agent);
		for (AgentNode child : openChildren(agent)) {
			end(child);
		}
		this.tools.endAll(agent);
		agent.ended = true;
		Observations.stop(agent.observation);
		if (agent.launcherToolUseId != null) {
			this.tools.subagentEnded(agent.launcherToolUseId);
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
	private AgentNode open(String parentToolUseId, String agentId, String subagentType, OpenTool launcher) {
		String name = (subagentType != null) ? subagentType : (launcher != null) ? launcher.subagentType() : null;
		AgentInvocationObservationContext context = new AgentInvocationObservationContext(
				(name != null) ? name : "subagent");
		context.setProviderName(this.root.context.getProviderName());
		context.setConversationId(this.root.context.getConversationId());
		context.setAgentId(agentId);
		AgentNode parent = (launcher != null && !launcher.agent().ended) ? launcher.agent() : this.root;
		AgentNode agent = new AgentNode(context, parent, parentToolUseId);
		agent.observation = this.observations.startAgent(context,
				(launcher != null) ? launcher.observation() : parent.observation);
		this.subagents.put(parentToolUseId, agent);
		return agent;
	}

	/**
	 * The subagents nested directly in an agent that have not ended.
	 * @param agent the agent
	 * @return its open subagents
	 */
	private List<AgentNode> openChildren(AgentNode agent) {
		List<AgentNode> children = new ArrayList<>();
		for (AgentNode subagent : this.subagents.values()) {
			if (subagent.parent == agent && !subagent.ended) {
				children.add(subagent);
			}
		}
		return children;
	}

	void clear() {
		this.subagents.clear();
	}

}
