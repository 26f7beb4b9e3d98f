package io.agentobs.claudecode.actuate;

import io.agentobs.claudecode.observation.TokenUsage;

/**
 * Token counts as the endpoint shows them.
 *
 * @param input input tokens, including cache reads and writes
 * @param output output tokens, {@code null} while unknown
 */
public record TokenCounts(Long input, Long output) {

	static final TokenCounts NONE = new TokenCounts(0L, 0L);

	static TokenCounts of(TokenUsage usage) {
		return (usage != null) ? new TokenCounts(usage.inputTokens(), usage.outputTokens()) : null;
	}

	TokenCounts plus(TokenUsage usage) {
		if (usage == null) {
			return this;
		}
		return new TokenCounts(sum(this.input, usage.inputTokens()), sum(this.output, usage.outputTokens()));
	}

	private static Long sum(Long total, Long value) {
		return (value != null) ? total + value : total;
	}

}
