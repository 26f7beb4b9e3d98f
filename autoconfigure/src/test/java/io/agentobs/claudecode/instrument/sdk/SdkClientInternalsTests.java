package io.agentobs.claudecode.instrument.sdk;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springaicommunity.claude.agent.sdk.ClaudeAsyncClient;
import org.springaicommunity.claude.agent.sdk.ClaudeClient;
import org.springaicommunity.claude.agent.sdk.ClaudeSyncClient;
import org.springaicommunity.claude.agent.sdk.transport.CLIOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SdkClientInternals#environment}: the environment an SDK client gives its CLI is
 * known, so that its credentials can be masked.
 */
class SdkClientInternalsTests {

	private static final Map<String, String> ENVIRONMENT = Map.of("ANTHROPIC_API_KEY", "sk-ant-from-sdk-options");

	@TempDir
	Path workingDirectory;

	@Test
	void environmentOfTheSyncClientsOptionsIsKnown() throws Exception {
		try (ClaudeSyncClient client = ClaudeClient.sync(options()).workingDirectory(this.workingDirectory).build()) {
			assertThat(SdkClientInternals.environment(client)).containsAllEntriesOf(ENVIRONMENT);
		}
	}

	@Test
	void environmentOfTheAsyncClientsOptionsIsKnown() {
		ClaudeAsyncClient client = ClaudeClient.async(options()).workingDirectory(this.workingDirectory).build();
		assertThat(SdkClientInternals.environment(client)).containsAllEntriesOf(ENVIRONMENT);
	}

	@Test
	void objectWithoutOptionsHasNoKnownEnvironment() {
		assertThat(SdkClientInternals.environment(new Object())).isEmpty();
	}

	private static CLIOptions options() {
		return CLIOptions.builder().model("claude-sonnet-4-5").env(ENVIRONMENT).build();
	}

}
