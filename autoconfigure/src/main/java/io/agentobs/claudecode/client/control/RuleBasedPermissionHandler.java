package io.agentobs.claudecode.client.control;

import java.util.List;

/**
 * A {@link ClaudePermissionHandler} that decides by rules: the first rule that matches the
 * call decides; when none matches, the default decides. Its decisions are attributed to
 * {@link PermissionDecision.Source#RULE}.
 */
public class RuleBasedPermissionHandler implements ClaudePermissionHandler {

	private final List<PermissionRule> rules;

	private final boolean allowByDefault;

	/**
	 * Creates a handler.
	 * @param rules the rules, in order
	 * @param allowByDefault whether a call no rule matches is allowed
	 */
	public RuleBasedPermissionHandler(List<PermissionRule> rules, boolean allowByDefault) {
		this.rules = List.copyOf(rules);
		this.allowByDefault = allowByDefault;
	}

	@Override
	public PermissionDecision decide(PermissionRequest request) {
		for (PermissionRule rule : this.rules) {
			if (rule.matches(request.toolName(), request.input())) {
				return decision(rule.allow(), (rule.message() != null) ? rule.message()
						: "A permission rule denies " + request.toolName() + " (rule " + rule.tool().pattern()
								+ ((rule.input() != null) ? " with input ~ " + rule.input().pattern() : "") + ")");
			}
		}
		return decision(this.allowByDefault, "No permission rule allows " + request.toolName());
	}

	private static PermissionDecision decision(boolean allow, String message) {
		return (allow ? PermissionDecision.allow() : PermissionDecision.deny(message))
			.decidedBy(PermissionDecision.Source.RULE);
	}

}
