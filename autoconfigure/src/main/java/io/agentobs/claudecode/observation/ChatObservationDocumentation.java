package io.agentobs.claudecode.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documentation of the {@code chat} observation of one model call made by Claude Code.
 */
public enum ChatObservationDocumentation implements ObservationDocumentation {

	/**
	 * One model call, that is one assistant {@code message.id}.
	 */
	CHAT {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultChatObservationConvention.class;
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
		 * The operation, always {@code chat}.
		 */
		OPERATION_NAME("gen_ai.operation.name"),

		/**
		 * The model provider, for example {@code anthropic}.
		 */
		PROVIDER_NAME("gen_ai.provider.name"),

		/**
		 * The requested model.
		 */
		REQUEST_MODEL("gen_ai.request.model"),

		/**
		 * The name of the agent that made the call.
		 */
		AGENT_NAME("gen_ai.agent.name"),

		/**
		 * The error type, {@code none} when the call succeeded.
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
		 * The assistant message id.
		 */
		RESPONSE_ID("gen_ai.response.id"),

		/**
		 * The model that answered.
		 */
		RESPONSE_MODEL("gen_ai.response.model"),

		/**
		 * The stop reasons, as a JSON array.
		 */
		RESPONSE_FINISH_REASONS("gen_ai.response.finish_reasons"),

		/**
		 * Seconds from the request to the first stream event of the response.
		 */
		RESPONSE_TIME_TO_FIRST_CHUNK("gen_ai.response.time_to_first_chunk"),

		/**
		 * Whether the response was streamed: {@code true} when stream events came,
		 * {@code false} for a complete response (a retry the CLI sends without streaming).
		 */
		RESPONSE_STREAMING("gen_ai.response.streaming"),

		/**
		 * Input tokens, including cache reads and writes.
		 */
		USAGE_INPUT_TOKENS("gen_ai.usage.input_tokens"),

		/**
		 * Output tokens.
		 */
		USAGE_OUTPUT_TOKENS("gen_ai.usage.output_tokens"),

		/**
		 * Input tokens read from the prompt cache.
		 */
		USAGE_CACHE_READ_INPUT_TOKENS("gen_ai.usage.cache_read.input_tokens"),

		/**
		 * Input tokens written to the prompt cache.
		 */
		USAGE_CACHE_CREATION_INPUT_TOKENS("gen_ai.usage.cache_creation.input_tokens"),

		/**
		 * Input plus output tokens, once both are known.
		 */
		USAGE_TOTAL_TOKENS("gen_ai.usage.total_tokens"),

		/**
		 * The assistant message (text and tool calls) as GenAI output messages. Added only
		 * by {@link io.agentobs.claudecode.content.ClaudeCodeOutputContentObservationFilter}.
		 */
		OUTPUT_MESSAGES("gen_ai.output.messages"),

		/**
		 * {@code json} when the call belongs to a run that returns structured output.
		 */
		OUTPUT_TYPE("gen_ai.output.type"),

		/**
		 * Whether the request asked for a streamed response.
		 */
		REQUEST_STREAM("gen_ai.request.stream"),

		/**
		 * {@code true} for a call made after the CLI compacted the conversation.
		 */
		CONVERSATION_COMPACTED("gen_ai.conversation.compacted");

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
