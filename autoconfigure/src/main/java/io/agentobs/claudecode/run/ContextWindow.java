package io.agentobs.claudecode.run;

import java.util.Map;

import io.agentobs.claudecode.observation.TokenUsage;

/**
 * Records the context window of a turn's model and how much of it the turn's last model
 * call used (Sentry's {@code gen_ai.context.window_size} and
 * {@code gen_ai.context.utilization}), from the windows the CLI reports per model.
 */
final class ContextWindow {

	private ContextWindow() {
	}

	/**
	 * Records the window of the agent's model: the model of its last response, else its
	 * requested model, else the only model reported.
	 * @param agent the turn's top-level agent
	 * @param contextWindows the reported windows by model, may be empty
	 */
	static void record(AgentNode agent, Map<String, Long> contextWindows) {
		Long window = window(agent, contextWindows);
		if (window == null || window <= 0) {
			return;
		}
		agent.context.setContextWindowSize(window);
		TokenUsage last = agent.lastChatUsage;
		if (last != null && last.inputTokens() != null) {
			long used = last.inputTokens() + ((last.outputTokens() != null) ? last.outputTokens() : 0L);
			agent.context.setContextUtilization((double) used / window);
		}
	}

	private static Long window(AgentNode agent, Map<String, Long> contextWindows) {
		if (contextWindows.isEmpty()) {
			return null;
		}
		if (agent.lastChatModel != null && contextWindows.containsKey(agent.lastChatModel)) {
			return contextWindows.get(agent.lastChatModel);
		}
		String requestModel = agent.context.getRequestModel();
		if (requestModel != null && contextWindows.containsKey(requestModel)) {
			return contextWindows.get(requestModel);
		}
		return (contextWindows.size() == 1) ? contextWindows.values().iterator().next() : null;
	}

}
