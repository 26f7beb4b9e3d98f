package io.agentobs.claudecode.client.options;

/**
 * Extended thinking of the model, mapped to the CLI's flags as the official SDKs map it:
 * {@code adaptive} ({@code --thinking=adaptive}), {@code enabled} with a token budget
 * ({@code --max-thinking-tokens=N}; without one, adaptive) or {@code disabled}
 * ({@code --thinking=disabled}); a display mode ({@code --thinking-display=}) unless
 * disabled.
 *
 * @param type how the model thinks
 * @param budgetTokens the most thinking tokens per turn when {@code enabled}, may be
 * {@code null}
 * @param display how thinking is shown, e.g. {@code summarized}, may be {@code null}
 */
public record Thinking(Type type, Integer budgetTokens, String display) {

	public Thinking {
		if (type == null) {
			throw new IllegalArgumentException("Thinking needs a type: adaptive, enabled or disabled");
		}
		if (budgetTokens != null && budgetTokens <= 0) {
			throw new IllegalArgumentException("A thinking budget must be positive, but was " + budgetTokens);
		}
	}

	public static Thinking adaptive() {
		return new Thinking(Type.ADAPTIVE, null, null);
	}

	public static Thinking enabled(int budgetTokens) {
		return new Thinking(Type.ENABLED, budgetTokens, null);
	}

	public static Thinking disabled() {
		return new Thinking(Type.DISABLED, null, null);
	}

	/**
	 * How the model thinks.
	 */
	public enum Type {

		/** The model decides when and how much to think. */
		ADAPTIVE,

		/** The model thinks, up to a budget of tokens. */
		ENABLED,

		/** The model does not think. */
		DISABLED

	}

}
