package io.agentobs.claudecode.observation;

/**
 * Values of {@code gen_ai.provider.name} the Claude Code CLI can be configured for.
 */
public enum GenAiProviderName {

	/**
	 * The Anthropic API, the default.
	 */
	ANTHROPIC("anthropic"),

	/**
	 * Amazon Bedrock.
	 */
	AWS_BEDROCK("aws.bedrock"),

	/**
	 * Google Vertex AI.
	 */
	GCP_VERTEX_AI("gcp.vertex_ai");

	private final String value;

	GenAiProviderName(String value) {
		this.value = value;
	}

	/**
	 * Return the semantic conventions value.
	 * @return the value, for example {@code anthropic}
	 */
	public String value() {
		return this.value;
	}

}
