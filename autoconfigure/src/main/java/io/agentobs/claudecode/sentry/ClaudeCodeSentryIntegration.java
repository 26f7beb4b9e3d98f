package io.agentobs.claudecode.sentry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import io.sentry.SentryIntegrationPackageStorage;

/**
 * Reports this integration and its package in the SDK information of every Sentry event and
 * transaction, as Sentry's own integrations do.
 */
final class ClaudeCodeSentryIntegration {

	/**
	 * The integration name, as listed under {@code sdk.integrations}.
	 */
	static final String NAME = "ClaudeCode";

	/**
	 * The package name, as listed under {@code sdk.packages}.
	 */
	static final String PACKAGE = "maven:io.agentobs:claude-code-observability-spring-boot-autoconfigure";

	private static final String VERSION_RESOURCE = "version.properties";

	private static final String UNKNOWN_VERSION = "unknown";

	private ClaudeCodeSentryIntegration() {
	}

	/**
	 * Add the integration and its package to {@link SentryIntegrationPackageStorage}. Calling
	 * it again has no further effect.
	 */
	static void register() {
		SentryIntegrationPackageStorage storage = SentryIntegrationPackageStorage.getInstance();
		storage.addIntegration(NAME);
		storage.addPackage(PACKAGE, version());
	}

	/**
	 * Return the version of this project, written into a resource by the build.
	 * @return the version, or {@code unknown} when the resource is missing
	 */
	static String version() {
		try (InputStream input = ClaudeCodeSentryIntegration.class.getResourceAsStream(VERSION_RESOURCE)) {
			if (input == null) {
				return UNKNOWN_VERSION;
			}
			Properties properties = new Properties();
			properties.load(input);
			return properties.getProperty("version", UNKNOWN_VERSION);
		}
		catch (IOException ex) {
			return UNKNOWN_VERSION;
		}
	}

}
