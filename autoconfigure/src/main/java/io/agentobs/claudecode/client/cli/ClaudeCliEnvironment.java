package io.agentobs.claudecode.client.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables added to the CLI process's environment: the options' own, and the client's
 * identity as the official SDKs give theirs ({@code CLAUDE_CODE_ENTRYPOINT},
 * {@code CLAUDE_AGENT_SDK_CLIENT_APP}) unless the options or the JVM's environment set them.
 */
final class ClaudeCliEnvironment {

	/** The entrypoint of Java SDKs ({@code sdk-ts} and {@code sdk-py} are the official ones). */
	static final String ENTRYPOINT = "sdk-java";

	static final String CLIENT_APP = clientApp();

	private ClaudeCliEnvironment() {
	}

	/**
	 * The variables to add.
	 * @param environment the options' variables
	 * @return the variables with the client's identity
	 */
	static Map<String, String> of(Map<String, String> environment) {
		Map<String, String> result = new LinkedHashMap<>();
		putIfUnset(result, environment, "CLAUDE_CODE_ENTRYPOINT", ENTRYPOINT);
		putIfUnset(result, environment, "CLAUDE_AGENT_SDK_CLIENT_APP", CLIENT_APP);
		result.putAll(environment);
		return result;
	}

	private static void putIfUnset(Map<String, String> result, Map<String, String> environment, String name,
			String value) {
		if (!environment.containsKey(name) && System.getenv(name) == null) {
			result.put(name, value);
		}
	}

	private static String clientApp() {
		String version = ClaudeCliEnvironment.class.getPackage().getImplementationVersion();
		return "claude-code-observability" + ((version != null) ? "/" + version : "");
	}

}
