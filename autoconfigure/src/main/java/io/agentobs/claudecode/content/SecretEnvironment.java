package io.agentobs.claudecode.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Finds the credentials in the environment an agent process gets: the variables of this
 * process and those the client adds. A variable is a credential when it is a known one
 * ({@code ANTHROPIC_API_KEY}, {@code AWS_SECRET_ACCESS_KEY}, ...), when its name ends like one
 * ({@code _API_KEY}, {@code _TOKEN}, {@code _SECRET}, {@code _PASSWORD}, ...), or when the user
 * names it as secret.
 */
public final class SecretEnvironment {

	private static final Set<String> KNOWN_CREDENTIALS = Set.of("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN",
			"CLAUDE_CODE_OAUTH_TOKEN", "ANTHROPIC_FOUNDRY_API_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
			"AWS_SESSION_TOKEN", "AWS_BEARER_TOKEN_BEDROCK", "GOOGLE_API_KEY", "GEMINI_API_KEY", "AZURE_API_KEY",
			"AZURE_OPENAI_API_KEY", "AZURE_CLIENT_SECRET", "OPENAI_API_KEY", "GITHUB_TOKEN", "GH_TOKEN");

	private static final List<String> CREDENTIAL_SUFFIXES = List.of("_API_KEY", "_APIKEY", "_TOKEN", "_SECRET",
			"_SECRET_KEY", "_ACCESS_KEY", "_PASSWORD", "_PASSWD", "_PRIVATE_KEY", "_AUTH");

	private final Set<String> secretNames;

	private final List<String> processSecrets;

	/**
	 * Creates a finder of the credentials in this process's environment and the given names.
	 * @param secretNames further variables whose values are secret, case-insensitive
	 */
	public SecretEnvironment(Collection<String> secretNames) {
		this(secretNames, System::getenv);
	}

	SecretEnvironment(Collection<String> secretNames, Supplier<Map<String, String>> processEnvironment) {
		this.secretNames = secretNames.stream()
			.map((name) -> name.trim().toUpperCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.processSecrets = List.copyOf(secrets(processEnvironment.get()));
	}

	/**
	 * The mask of the credentials an agent process gets.
	 * @param added the variables the client adds to this process's environment
	 * @return the mask of their secret values
	 */
	public SecretMask mask(Map<String, String> added) {
		List<String> secrets = new ArrayList<>(this.processSecrets);
		if (added != null) {
			secrets.addAll(secrets(added));
		}
		return SecretMask.of(secrets);
	}

	private List<String> secrets(Map<String, String> environment) {
		List<String> secrets = new ArrayList<>();
		environment.forEach((name, value) -> {
			if (name != null && value != null && isSecret(name)) {
				secrets.add(value);
			}
		});
		return secrets;
	}

	private boolean isSecret(String name) {
		String upperCase = name.toUpperCase(Locale.ROOT);
		if (KNOWN_CREDENTIALS.contains(upperCase) || this.secretNames.contains(upperCase)) {
			return true;
		}
		for (String suffix : CREDENTIAL_SUFFIXES) {
			if (upperCase.endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

}
