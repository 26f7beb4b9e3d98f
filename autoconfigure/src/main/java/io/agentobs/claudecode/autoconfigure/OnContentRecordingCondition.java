package io.agentobs.claudecode.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when recording of agent inputs (or outputs) is on: the explicit
 * {@code sentry.claude-code.record-inputs} ({@code record-outputs}) property, else
 * {@code sentry.send-default-pii}, else off.
 */
abstract class OnContentRecordingCondition extends SpringBootCondition {

	private final String property;

	OnContentRecordingCondition(String property) {
		this.property = property;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		Boolean explicit = environment.getProperty(this.property, Boolean.class);
		if (explicit != null) {
			return new ConditionOutcome(explicit, this.property + " is " + explicit);
		}
		boolean pii = environment.getProperty("sentry.send-default-pii", Boolean.class, false);
		return new ConditionOutcome(pii, this.property + " not set; sentry.send-default-pii is " + pii);
	}

	static final class Inputs extends OnContentRecordingCondition {

		Inputs() {
			super("sentry.claude-code.record-inputs");
		}

	}

	static final class Outputs extends OnContentRecordingCondition {

		Outputs() {
			super("sentry.claude-code.record-outputs");
		}

	}

}
