package io.agentobs.claudecode.instrument.sdk;

import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import org.springaicommunity.claude.agent.sdk.transport.CLIOptions;

import org.springframework.util.ReflectionUtils;

/**
 * The environment variables a claude-code-sdk client adds to its CLI process
 * ({@link CLIOptions#getEnv()}), read from the client's private {@link CLIOptions} field; empty
 * when the SDK keeps its options elsewhere.
 */
final class SdkClientEnvironment {

	private SdkClientEnvironment() {
	}

	static Map<String, String> of(Object client) {
		Map<String, String> environment = new HashMap<>();
		InstrumentationFailures.run("reading the claude-code-sdk client's environment",
				() -> ReflectionUtils.doWithFields(client.getClass(), (field) -> {
					ReflectionUtils.makeAccessible(field);
					if (field.get(client) instanceof CLIOptions options && options.getEnv() != null) {
						environment.putAll(options.getEnv());
					}
				}, (field) -> !Modifier.isStatic(field.getModifiers()) && field.getType() == CLIOptions.class));
		return environment;
	}

}
