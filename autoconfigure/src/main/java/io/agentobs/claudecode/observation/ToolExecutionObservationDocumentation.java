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

		@Override
		public Observation.Event[] getEvents() {
			return Events.values();
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
		TOOL_CALL_RESULT("gen_ai.tool.call.result"),

		/**
		 * The permission decision on the call: {@code allow}, {@code allow_modified},
		 * {@code deny} or {@code deny_interrupt}.
		 */
		PERMISSION_DECISION("claude_code.permission.decision"),

		/**
		 * Who decided: {@code handler}, {@code rule}, {@code hook} or {@code cli}.
		 */
		PERMISSION_DECIDED_BY("claude_code.permission.decided_by"),

		/**
		 * Milliseconds from the CLI's permission request to the decision.
		 */
		PERMISSION_WAIT_MS("claude_code.permission.wait_ms"),

		/**
		 * The hooks called back for the call, in order, each as
		 * {@code event:outcome:milliseconds} (e.g. {@code PreToolUse:block:3}).
		 */
		HOOKS("claude_code.hooks"),

		/**
		 * The tool's own run time in milliseconds as the CLI measured it ({@code duration_ms}
		 * of its {@code PostToolUse} hook input), with
		 * {@code sentry.claude-code.tool-timing-hooks}.
		 */
		TOOL_DURATION_MS("claude_code.tool.duration_ms"),

		/**
		 * Why the tool failed, as the CLI reported it ({@code error} of its
		 * {@code PostToolUseFailure} hook input), with
		 * {@code sentry.claude-code.tool-timing-hooks}.
		 */
		TOOL_FAILURE("claude_code.tool.failure"),

		/**
		 * The skill a call of the {@code Skill} tool runs.
		 */
		SKILL_NAME("claude_code.skill.name"),

		/**
		 * The exit code of a {@code Bash} command, where its result gives it.
		 */
		PROCESS_EXIT_CODE("process.exit.code"),

		/**
		 * What refused the call without asking, for example {@code rule} or {@code mode}.
		 */
		PERMISSION_DENIAL_REASON_TYPE("claude_code.permission.denial.reason_type"),

		/**
		 * Why the call was refused, secrets masked.
		 */
		PERMISSION_DENIAL_REASON("claude_code.permission.denial.reason");

		private final String key;

		HighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * Events recorded on the span of a tool call.
	 */
	public enum Events implements Observation.Event {

		/**
		 * The CLI refused the call without asking ({@code system/permission_denied}).
		 */
		PERMISSION_DENIED("claude_code.permission.denied");

		private final String name;

		Events(String name) {
			this.name = name;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public String getContextualName() {
			return this.name;
		}

	}

}
