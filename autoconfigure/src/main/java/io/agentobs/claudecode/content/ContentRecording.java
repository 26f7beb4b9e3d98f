package io.agentobs.claudecode.content;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;

/**
 * How the content filters record one piece of content: its run's secrets masked, truncated
 * to valid JSON within the span's and run's budget, added as a high cardinality key value.
 */
final class ContentRecording {

	private final JsonContentTruncator truncator;

	private final SecretMask secrets;

	private final ContentBudget budget;

	ContentRecording(int maxLength, SecretMask secrets, ContentBudget budget) {
		this.truncator = new JsonContentTruncator(maxLength);
		this.secrets = secrets;
		this.budget = budget;
	}

	/**
	 * The secrets to mask in an observation's content.
	 * @param context the observation's context
	 * @return its run's secrets, else the filter's
	 */
	SecretMask secrets(Observation.Context context) {
		return SecretMask.of(context, this.secrets);
	}

	/**
	 * Adds content to an observation.
	 * @param context the observation's context
	 * @param keyName the key
	 * @param content the content, secrets already masked
	 */
	void add(Observation.Context context, KeyName keyName, JsonNode content) {
		String json = this.truncator.write(content, this.budget.allowance(context, this.truncator.getMaxLength()));
		this.budget.spent(context, json.length());
		context.addHighCardinalityKeyValue(keyName.withValue(json));
	}

}
