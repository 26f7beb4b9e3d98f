package io.agentobs.claudecode.otel;

import java.util.Map;

import io.agentobs.claudecode.observation.ChatObservationDocumentation;
import io.agentobs.claudecode.observation.GenAiOperationName;
import io.micrometer.common.lang.Nullable;

/**
 * Recognises the spans of agent runs by their {@code gen_ai.operation.name}.
 */
final class AgentSpans {

	private static final String OPERATION_NAME = ChatObservationDocumentation.LowCardinalityKeyNames.OPERATION_NAME
		.asString();

	private AgentSpans() {
	}

	/**
	 * Return the operation of a span of an agent run.
	 * @param tags the span's attributes
	 * @return the operation, or {@code null} for any other span
	 */
	@Nullable
	static GenAiOperationName operation(Map<String, ?> tags) {
		Object value = tags.get(OPERATION_NAME);
		for (GenAiOperationName operation : GenAiOperationName.values()) {
			if (operation.value().equals(value)) {
				return operation;
			}
		}
		return null;
	}

}
