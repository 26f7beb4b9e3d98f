package io.agentobs.claudecode.content;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretEnvironment}.
 */
class SecretEnvironmentTests {

	private final Map<String, String> process = Map.of("ANTHROPIC_API_KEY", "process-api-key-value", "HOME",
			"/home/agent-user", "CLAUDE_CODE_MAX_OUTPUT_TOKENS", "320000000", "GITLAB_PRIVATE_TOKEN",
			"glpat-process-token");

	@Test
	void credentialsOfTheProcessAndOfTheClientAreSecret() {
		SecretMask mask = new SecretEnvironment(List.of(), () -> this.process)
			.mask(Map.of("AWS_SECRET_ACCESS_KEY", "added-aws-secret", "AWS_SESSION_TOKEN", "added-session-token",
					"AWS_BEARER_TOKEN_BEDROCK", "added-bedrock-token", "CLAUDE_CODE_OAUTH_TOKEN", "added-oauth-token",
					"ANTHROPIC_API_KEY", "added-api-key-value"));
		assertThat(mask.mask("process-api-key-value added-api-key-value glpat-process-token added-aws-secret "
				+ "added-session-token added-bedrock-token added-oauth-token"))
			.isEqualTo(String.join(" ", java.util.Collections.nCopies(7, SecretMask.MASK)));
	}

	@Test
	void ordinaryVariablesAreNotSecret() {
		SecretMask mask = new SecretEnvironment(List.of(), () -> this.process)
			.mask(Map.of("ANTHROPIC_BASE_URL", "http://127.0.0.1:8080"));
		assertThat(mask.mask("/home/agent-user 320000000 http://127.0.0.1:8080"))
			.isEqualTo("/home/agent-user 320000000 http://127.0.0.1:8080");
	}

	@Test
	void variablesTheUserMarksAreSecretWhateverTheirCase() {
		SecretMask mask = new SecretEnvironment(List.of("db_url"), () -> Map.of("DB_URL", "jdbc:pg://user:pw@db"))
			.mask(Map.of());
		assertThat(mask.mask("url jdbc:pg://user:pw@db")).isEqualTo("url " + SecretMask.MASK);
	}

}
