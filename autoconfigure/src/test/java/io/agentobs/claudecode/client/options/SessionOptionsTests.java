package io.agentobs.claudecode.client.options;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SessionOptions}.
 */
class SessionOptionsTests {

	private static final String SESSION = "0b6f3f4e-2a4d-4c6e-9f57-1c2d3e4f5a6b";

	private static final String OTHER_SESSION = "7d9e1c2a-5b3f-4e8d-a1b2-c3d4e5f6a7b8";

	@Test
	void sessionIdsMustBeUuidsNamingTheirRole() {
		assertThatIllegalArgumentException().isThrownBy(() -> SessionOptions.resume("--version"))
			.withMessage("The session id to resume must be a UUID, but was '--version'");
		assertThatIllegalArgumentException().isThrownBy(() -> SessionOptions.withId("abc"))
			.withMessage("The chosen session id must be a UUID, but was 'abc'");
		assertThatIllegalArgumentException().isThrownBy(() -> SessionOptions.resume(SESSION + " --version"));
		assertThatIllegalArgumentException().isThrownBy(() -> SessionOptions.resume(null));
	}

	@Test
	void combinationsTheCliRefusesFailWhenBuilt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SessionOptions.builder().resume(SESSION).continueLatest(true).build());
		assertThatIllegalArgumentException().isThrownBy(() -> SessionOptions.builder().fork(true).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SessionOptions.builder().resume(SESSION).sessionId(OTHER_SESSION).build());
	}

	@Test
	void knownSessionIdIsTheChosenOrResumedUnlessForked() {
		assertThat(SessionOptions.withId(SESSION).knownSessionId()).isEqualTo(SESSION);
		assertThat(SessionOptions.resume(SESSION).knownSessionId()).isEqualTo(SESSION);
		assertThat(SessionOptions.builder().resume(SESSION).fork(true).build().knownSessionId()).isNull();
		assertThat(SessionOptions.builder().resume(SESSION).fork(true).sessionId(OTHER_SESSION).build().knownSessionId())
			.isEqualTo(OTHER_SESSION);
	}

	@Test
	void toBuilderCopiesEveryField() {
		SessionOptions all = SessionOptions.builder().resume(SESSION).fork(true).sessionId(OTHER_SESSION).name("n").build();
		assertThat(all.toBuilder().build()).isEqualTo(all).hasSameHashCodeAs(all).hasToString(all.toString());
	}

}
