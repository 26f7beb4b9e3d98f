package io.agentobs.claudecode.scripted;

/**
 * Token usage the {@link ScriptedAnthropicApi} reports for one call: the input numbers go into
 * {@code message_start}, {@code outputTokens} into {@code message_delta}.
 *
 * @param inputTokens input tokens
 * @param cacheReadInputTokens cache read input tokens
 * @param cacheCreationInputTokens cache creation input tokens
 * @param outputTokens output tokens of the finished message
 */
public record Usage(int inputTokens, int cacheReadInputTokens, int cacheCreationInputTokens, int outputTokens) {

	/** The numbers used by the recorded transcripts: input 100, cache read 7, cache creation 5, output 20. */
	public static final Usage DEFAULT = new Usage(100, 7, 5, 20);

}
