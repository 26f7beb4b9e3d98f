package io.agentobs.claudecode.run;

import java.util.Map;

import io.agentobs.claudecode.content.SecretMask;
import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error a failed run records (a span's exception, Sentry's event) never carries a secret
 * of the run's CLI environment.
 */
class FailureMessageSecretsTests {

	private static final String KEY = "sk-ant-api03-failure-message-key";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	private final AgentRunObservations observations = AgentRunObservations.builder(this.registry).build();

	@Test
	void errorWhoseMessageHoldsASecretIsRecordedMaskedWithItsType() {
		AgentRunRecorder recorder = this.observations.startRun("prompt", null, null, new SessionCost(),
				Map.of("ANTHROPIC_API_KEY", KEY));
		recorder.failed(new IllegalStateException("CLI exited; stderr: key " + KEY + " rejected"));
		AgentInvocationObservationContext agent = this.tree.contexts(AgentInvocationObservationContext.class).get(0);
		assertThat(agent.getError()).hasMessage("CLI exited; stderr: key " + SecretMask.MASK + " rejected");
		assertThat(agent.getErrorType()).isEqualTo("IllegalStateException");
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
	}

	@Test
	void errorWithoutASecretIsRecordedAsIs() {
		AgentRunRecorder recorder = this.observations.startRun("prompt", null, null, new SessionCost(),
				Map.of("ANTHROPIC_API_KEY", KEY));
		IllegalStateException error = new IllegalStateException("CLI exited with code 1");
		recorder.failed(error);
		assertThat(this.tree.contexts(AgentInvocationObservationContext.class).get(0).getError()).isSameAs(error);
	}

}
