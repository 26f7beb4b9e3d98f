package io.agentobs.claudecode.client.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Anthropic token usage as the CLI reports it. A count the CLI did not send is {@code null}.
 *
 * @param inputTokens input tokens, excluding cache reads and writes (Anthropic's definition)
 * @param outputTokens output tokens
 * @param cacheReadInputTokens input tokens read from the prompt cache
 * @param cacheCreationInputTokens input tokens written to the prompt cache
 */
public record Usage(Long inputTokens, Long outputTokens, Long cacheReadInputTokens, Long cacheCreationInputTokens) {

	/**
	 * Input tokens including cache reads and writes, or {@code null} when none is known.
	 * @return the total input tokens
	 */
	public Long totalInputTokens() {
		if (this.inputTokens == null && this.cacheReadInputTokens == null && this.cacheCreationInputTokens == null) {
			return null;
		}
		return orZero(this.inputTokens) + orZero(this.cacheReadInputTokens) + orZero(this.cacheCreationInputTokens);
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0L;
	}

	/**
	 * Reads an Anthropic {@code usage} object (snake case) or a CLI {@code modelUsage} entry
	 * (camel case).
	 * @param node the usage node, may be {@code null} or missing
	 * @return the usage, or {@code null} when the node is absent
	 */
	static Usage from(JsonNode node) {
		if (node == null || !node.isObject()) {
			return null;
		}
		return new Usage(Json.longOrNull(node, "input_tokens", "inputTokens"),
				Json.longOrNull(node, "output_tokens", "outputTokens"),
				Json.longOrNull(node, "cache_read_input_tokens", "cacheReadInputTokens"),
				Json.longOrNull(node, "cache_creation_input_tokens", "cacheCreationInputTokens"));
	}

}
