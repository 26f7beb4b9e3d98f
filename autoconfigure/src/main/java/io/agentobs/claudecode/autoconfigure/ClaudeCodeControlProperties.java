package io.agentobs.claudecode.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Permission decisions of the auto-configured client: rules that decide the tool calls the
 * CLI asks about, and how long a permission handler may take.
 */
@ConfigurationProperties("claude-code.permissions")
public class ClaudeCodeControlProperties {

	/**
	 * Rules that decide the tool calls the CLI asks about, in order: the first that matches
	 * decides. Without rules and without a ClaudePermissionHandler bean, the CLI decides alone.
	 */
	private List<Rule> rules = new ArrayList<>();

	/**
	 * Decision on a tool call that no rule matches.
	 */
	private Decision defaultDecision = Decision.DENY;

	/**
	 * Maximum time a permission handler may take before the call is denied.
	 */
	private Duration timeout = Duration.ofMinutes(5);

	public List<Rule> getRules() {
		return this.rules;
	}

	public void setRules(List<Rule> rules) {
		this.rules = rules;
	}

	public Decision getDefaultDecision() {
		return this.defaultDecision;
	}

	public void setDefaultDecision(Decision defaultDecision) {
		this.defaultDecision = defaultDecision;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * A decision of a rule.
	 */
	public enum Decision {

		/** The call runs. */
		ALLOW,

		/** The call is denied; the model receives the rule's message. */
		DENY

	}

	/**
	 * One permission rule.
	 */
	public static class Rule {

		/**
		 * Regular expression the whole tool name must match, e.g. 'Bash' or 'mcp__app__.*'.
		 */
		private String tool;

		/**
		 * Regular expression found anywhere in the tool input's JSON text; any input when not
		 * set.
		 */
		private String input;

		/**
		 * Decision on a matching call.
		 */
		private Decision decision = Decision.DENY;

		/**
		 * Message the model receives when the rule denies; a default one when not set.
		 */
		private String message;

		public String getTool() {
			return this.tool;
		}

		public void setTool(String tool) {
			this.tool = tool;
		}

		public String getInput() {
			return this.input;
		}

		public void setInput(String input) {
			this.input = input;
		}

		public Decision getDecision() {
			return this.decision;
		}

		public void setDecision(Decision decision) {
			this.decision = decision;
		}

		public String getMessage() {
			return this.message;
		}

		public void setMessage(String message) {
			this.message = message;
		}

	}

}
