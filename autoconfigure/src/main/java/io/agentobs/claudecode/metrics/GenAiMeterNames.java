package io.agentobs.claudecode.metrics;

/**
 * The names of the GenAI metrics of both profiles ({@link GenAiSemconvProfile}).
 */
public final class GenAiMeterNames {

	/** v1.41: tokens per model call, tagged {@code gen_ai.token.type}. */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/** Both profiles: the duration of a model call. */
	public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";

	/** Both profiles: from a model request to the first chunk of its streamed response. */
	public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	/** Development: input tokens (cache included) per model call. */
	public static final String INFERENCE_INPUT_TOKENS = "gen_ai.client.inference.operation.input_tokens";

	/** Development: output tokens per model call. */
	public static final String INFERENCE_OUTPUT_TOKENS = "gen_ai.client.inference.operation.output_tokens";

	/** Development: input tokens used, cache included, tagged {@code gen_ai.token.modality}. */
	public static final String USAGE_INPUT_TOKENS = "gen_ai.client.inference.usage.input_tokens";

	/** Development: output tokens used, tagged {@code gen_ai.token.modality}. */
	public static final String USAGE_OUTPUT_TOKENS = "gen_ai.client.inference.usage.output_tokens";

	/** Development: input tokens read from the prompt cache. */
	public static final String USAGE_CACHE_READ_INPUT_TOKENS = "gen_ai.client.inference.usage.cache_read.input_tokens";

	/** Development: input tokens written to the prompt cache. */
	public static final String USAGE_CACHE_WRITE_INPUT_TOKENS = "gen_ai.client.inference.usage.cache_write.input_tokens";

	/** Development: the duration of an agent invocation. */
	public static final String INVOKE_AGENT_DURATION = "gen_ai.invoke_agent.duration";

	/** Development: the model calls an agent made itself in one invocation. */
	public static final String INVOKE_AGENT_INFERENCE_CALLS = "gen_ai.invoke_agent.inference_calls";

	/** Development: the tool calls an agent made itself in one invocation. */
	public static final String INVOKE_AGENT_TOOL_CALLS = "gen_ai.invoke_agent.tool_calls";

	/** Development: the duration of a tool call. */
	public static final String EXECUTE_TOOL_DURATION = "gen_ai.execute_tool.duration";

	/** The modality tag of the usage counters. */
	public static final String TOKEN_MODALITY = "gen_ai.token.modality";

	private GenAiMeterNames() {
	}

}
