package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.client.ClaudeCodeOptions;

/**
 * Changes the default options of the auto-configured client after the {@code claude-code.*}
 * properties have set them. Customizers run in order.
 */
@FunctionalInterface
public interface ClaudeCodeOptionsCustomizer {

	/**
	 * Customizes the default options.
	 * @param options the options so far
	 * @return the options to use
	 */
	ClaudeCodeOptions customize(ClaudeCodeOptions options);

}
