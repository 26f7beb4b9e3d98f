package io.agentobs.claudecode.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documentation of the {@code invoke_agent} observation of a Claude Code run.
 */
public enum AgentInvocationObservationDocumentation implements ObservationDocumentation {

	/**
	 * One Claude Code query, from the prompt to the {@code result} message.
	 */
	AGENT_INVOCATION {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultAgentInvocationObservationConvention.class;
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
		 * The operation, always {@code invoke_agent}.
		 */
		OPERATION_NAME("gen_ai.operation.name"),

		/**
		 * The model provider, for example {@code anthropic}.
		 */
		PROVIDER_NAME("gen_ai.provider.name"),

		/**
		 * The model the agent was asked to use.
		 */
		REQUEST_MODEL("gen_ai.request.model"),

		/**
		 * The agent name; for a subagent its type.
		 */
		AGENT_NAME("gen_ai.agent.name"),

		/**
		 * The error type, {@code none} when the run succeeded.
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
		 * The id of a subagent.
		 */
		AGENT_ID("gen_ai.agent.id"),

		/**
		 * The tools the agent may use, as GenAI tool definitions
		 * ({@code [{"type":"function","name":"Bash"}]}).
		 */
		TOOL_DEFINITIONS("gen_ai.tool.definitions"),

		/**
		 * The cost of the run in USD, as estimated by the CLI (Sentry's cost key).
		 */
		COST_TOTAL_TOKENS("gen_ai.cost.total_tokens"),

		/**
		 * The part of the run's cost spent on input tokens (cache reads and writes included),
		 * in USD.
		 */
		COST_INPUT_TOKENS("gen_ai.cost.input_tokens"),

		/**
		 * The part of the run's cost spent on output tokens, in USD.
		 */
		COST_OUTPUT_TOKENS("gen_ai.cost.output_tokens"),

		/**
		 * The context window of the run's model, in tokens, as the CLI reports it.
		 */
		CONTEXT_WINDOW_SIZE("gen_ai.context.window_size"),

		/**
		 * The fraction of the context window that the agent's last model call used.
		 */
		CONTEXT_UTILIZATION("gen_ai.context.utilization"),

		/**
		 * The number of turns of the run.
		 */
		NUM_TURNS("claude_code.num_turns"),

		/**
		 * The time spent in model API calls, in milliseconds.
		 */
		DURATION_API_MS("claude_code.duration_api_ms"),

		/**
		 * The subtype of the {@code result} message, for example {@code success}.
		 */
		RESULT_SUBTYPE("claude_code.result.subtype"),

		/**
		 * Why the run ended.
		 */
		TERMINAL_REASON("claude_code.terminal_reason"),

		/**
		 * The number of tool calls the user's permission settings denied.
		 */
		PERMISSION_DENIALS("claude_code.permission_denials"),

		/**
		 * Input tokens of the whole run, including cache reads and writes.
		 */
		USAGE_INPUT_TOKENS("claude_code.usage.input_tokens"),

		/**
		 * Output tokens of the whole run.
		 */
		USAGE_OUTPUT_TOKENS("claude_code.usage.output_tokens"),

		/**
		 * Input tokens of the whole run read from the prompt cache.
		 */
		USAGE_CACHE_READ_INPUT_TOKENS("claude_code.usage.cache_read.input_tokens"),

		/**
		 * Input tokens of the whole run written to the prompt cache.
		 */
		USAGE_CACHE_CREATION_INPUT_TOKENS("claude_code.usage.cache_creation.input_tokens"),

		/**
		 * The prompt as GenAI input messages. Added only by
		 * {@link io.agentobs.claudecode.content.ClaudeCodeInputContentObservationFilter}.
		 */
		INPUT_MESSAGES("gen_ai.input.messages"),

		/**
		 * The system prompt. Added only by {@link io.agentobs.claudecode.content.ClaudeCodeInputContentObservationFilter}.
		 */
		SYSTEM_INSTRUCTIONS("gen_ai.system_instructions"),

		/**
		 * The final result text as GenAI output messages. Added only by
		 * {@link io.agentobs.claudecode.content.ClaudeCodeOutputContentObservationFilter}.
		 */
		OUTPUT_MESSAGES("gen_ai.output.messages"),

		/**
		 * {@code json} when the run returns structured output (a JSON schema was given).
		 */
		OUTPUT_TYPE("gen_ai.output.type"),

		/**
		 * {@code true} once the CLI compacted the conversation during the run.
		 */
		CONVERSATION_COMPACTED("gen_ai.conversation.compacted"),

		/**
		 * The last rate limit status the CLI reported: {@code allowed}, {@code allowed_warning}
		 * or {@code rejected}.
		 */
		RATE_LIMIT_STATUS("claude_code.rate_limit.status"),

		/**
		 * The rate limit of the last report, for example {@code five_hour}.
		 */
		RATE_LIMIT_TYPE("claude_code.rate_limit.type"),

		/**
		 * The utilization of the rate limit of the last report, as the CLI reports it.
		 */
		RATE_LIMIT_UTILIZATION("claude_code.rate_limit.utilization"),

		/**
		 * The most the run may spend, in US dollars ({@code claude-code.max-budget-usd}).
		 */
		REQUEST_MAX_BUDGET_USD("claude_code.request.max_budget_usd"),

		/**
		 * The requested effort level ({@code claude-code.effort}).
		 */
		REQUEST_EFFORT("claude_code.request.effort"),

		/**
		 * The model the CLI falls back to when the requested one is overloaded
		 * ({@code claude-code.fallback-model}); the chat that it answered names it as its
		 * response model.
		 */
		REQUEST_FALLBACK_MODEL("claude_code.request.fallback_model");

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
	 * Events recorded on the span of an agent run.
	 */
	public enum Events implements Observation.Event {

		/**
		 * The CLI reported a change of its rate limit ({@code rate_limit_event}).
		 */
		RATE_LIMIT("claude_code.rate_limit", "claude_code.rate_limit"),

		/**
		 * The CLI compacted the conversation ({@code system/compact_boundary}).
		 */
		COMPACTION("claude_code.compaction", "claude_code.compaction"),

		/**
		 * A hook was called back for no tool call ({@code UserPromptSubmit}, {@code Stop},
		 * ...): {@code hook {event}:{outcome}:{milliseconds}}.
		 */
		HOOK("claude_code.hook", "hook %s:%s:%d"),

		/**
		 * A batch of the session's transcript could not be stored in the session store and was
		 * dropped ({@code mirror_error}).
		 */
		SESSION_STORE_FAILURE("claude_code.session_store.failure", "Session store append failed: %s");

		private final String name;

		private final String contextualName;

		Events(String name, String contextualName) {
			this.name = name;
			this.contextualName = contextualName;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public String getContextualName() {
			return this.contextualName;
		}

	}

}
