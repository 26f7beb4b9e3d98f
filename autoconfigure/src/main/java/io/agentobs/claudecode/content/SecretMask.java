package io.agentobs.claudecode.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.micrometer.common.lang.Nullable;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;

/**
 * Replaces known secret values (the credentials in an agent process's environment) by
 * {@value #MASK} in recorded content, before it is truncated. Values shorter than
 * {@value #MIN_LENGTH} characters are not secrets worth masking: replacing them would garble
 * the content.
 * <p>
 * A run's mask is kept in its {@code invoke_agent} observation context
 * ({@code context.put(SecretMask.class, mask)}); its chats, tools and subagents find it
 * through their parent observations.
 */
public final class SecretMask {

	/** What every secret value is replaced by. */
	public static final String MASK = "[REDACTED]";

	/** The length below which a value is not masked. */
	public static final int MIN_LENGTH = 8;

	/** A mask that masks nothing. */
	public static final SecretMask NONE = new SecretMask(List.of());

	private static final int MAX_PARENT_DEPTH = 64;

	private final List<String> secrets;

	private SecretMask(List<String> secrets) {
		this.secrets = secrets;
	}

	/**
	 * Creates a mask of the given secret values, also in their JSON-escaped form.
	 * @param values the secret values; {@code null} and short values are ignored
	 * @return the mask
	 */
	public static SecretMask of(Collection<String> values) {
		Set<String> secrets = new LinkedHashSet<>();
		for (String value : values) {
			if (value != null && value.length() >= MIN_LENGTH) {
				secrets.add(value);
				secrets.add(new String(JsonStringEncoder.getInstance().quoteAsString(value)));
			}
		}
		List<String> longestFirst = new ArrayList<>(secrets);
		longestFirst.sort(Comparator.comparingInt(String::length).reversed());
		return new SecretMask(List.copyOf(longestFirst));
	}

	/**
	 * The mask of the run the given observation belongs to.
	 * @param context the context of an agent observation
	 * @param fallback the mask to use when the run has none
	 * @return the run's mask, else the fallback
	 */
	public static SecretMask of(Observation.ContextView context, SecretMask fallback) {
		Observation.ContextView current = context;
		for (int depth = 0; current != null && depth < MAX_PARENT_DEPTH; depth++) {
			SecretMask mask = current.get(SecretMask.class);
			if (mask != null) {
				return mask;
			}
			ObservationView parent = current.getParentObservation();
			current = (parent != null) ? parent.getContextView() : null;
		}
		return fallback;
	}

	/**
	 * Returns the text with every secret value replaced by {@value #MASK}.
	 * @param text the text, may be {@code null}
	 * @return the masked text
	 */
	public String mask(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String masked = text;
		for (String secret : this.secrets) {
			if (masked.contains(secret)) {
				masked = masked.replace(secret, MASK);
			}
		}
		return masked;
	}

	/**
	 * Whether this mask masks nothing.
	 * @return {@code true} when there is no secret
	 */
	public boolean isEmpty() {
		return this.secrets.isEmpty();
	}

}
