package io.agentobs.claudecode.observation;

/**
 * Token counts of a model call or of a whole run, in the GenAI semantic conventions' sense.
 * Any count may be {@code null} when it is unknown.
 *
 * @param inputTokens input tokens, <em>including</em> cache reads and cache writes
 * @param outputTokens output tokens
 * @param cacheReadInputTokens input tokens read from the prompt cache
 * @param cacheCreationInputTokens input tokens written to the prompt cache
 */
public record TokenUsage(Long inputTokens, Long outputTokens, Long cacheReadInputTokens,
		Long cacheCreationInputTokens) {

}
