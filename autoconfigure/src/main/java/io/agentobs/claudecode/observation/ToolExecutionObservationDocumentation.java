package io.agentobs.claudecode.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documentation of the {@code execute_tool} observation of one Claude Code tool call.
 */
public enum ToolExecutionObservationDocumentation implements ObservationDocumentation {

	/**
	 * One tool call, from {@code tool_use} to {@code tool_result}.
	 */
	TOOL_EXECUTION {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultToolExecutionObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	};

	/**
	 * Low cardinality key names, also used as metric tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The operation, always {@code execute_tool}.
		 */
		OPERATION_NAME("gen_ai.operation.name"),

		/**
		 * The model provider, for example {@code anthropic}.
		 */
		PROVIDER_NAME("gen_ai.provider.name"),

		/**
		 * The name of the agent that called the tool.
		 */
		AGENT_NAME("gen_ai.agent.name"),

		/**
		 * The tool name.
		 */
		TOOL_NAME("gen_ai.tool.name"),

		/**
		 * The tool type: {@code function} or {@code extension}.
		 */
		TOOL_TYPE("gen_ai.tool.type"),

		/**
		 * The error type, {@code none} when the tool succeeded.
		 */
		ERROR_TYPE("error.type");

		private final String key;

		LowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * High cardinality key names, on spans only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The CLI session id.
		 */
		CONVERSATION_ID("gen_ai.conversation.id"),

		/**
		 * The {@code tool_use} id.
		 */
		TOOL_CALL_ID("gen_ai.tool.call.id"),

		/**
		 * The MCP server of an {@code mcp__{server}__{tool}} tool.
		 */
		MCP_SERVER("claude_code.mcp.server"),

		/**
		 * The tool input as JSON. Added only by
		 * {@link io.agentobs.claudecode.content.ClaudeCodeInputContentObservationFilter}.
		 */
		TOOL_CALL_ARGUMENTS("gen_ai.tool.call.arguments"),

		/**
		 * The tool output as a JSON string. Added only by
		 * {@link io.agentobs.claudecode.content.ClaudeCodeOutputContentObservationFilter}.
		 */
		TOOL_CALL_RESULT("gen_ai.tool.call.result");

		private final String key;

		HighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}
