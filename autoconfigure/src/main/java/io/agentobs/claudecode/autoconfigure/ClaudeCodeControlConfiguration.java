package io.agentobs.claudecode.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.control.ClaudeHook;
import io.agentobs.claudecode.client.control.ClaudePermissionHandler;
import io.agentobs.claudecode.client.control.PermissionRule;
import io.agentobs.claudecode.client.control.RuleBasedPermissionHandler;
import io.agentobs.claudecode.client.control.SdkMcpServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The control protocol of the auto-configured client: the application's
 * {@link ClaudePermissionHandler} (or one built from the {@code claude-code.permissions}
 * rules), its {@link ClaudeHook} beans and its {@link SdkMcpServer} beans become the
 * client's defaults.
 */
@Configuration(proxyBeanMethods = false)
class ClaudeCodeControlConfiguration {

	@Bean
	@Conditional(OnPermissionRules.class)
	@ConditionalOnMissingBean(ClaudePermissionHandler.class)
	RuleBasedPermissionHandler claudeCodeRuleBasedPermissionHandler(ClaudeCodeControlProperties properties) {
		List<PermissionRule> rules = new ArrayList<>();
		List<ClaudeCodeControlProperties.Rule> configured = properties.getRules();
		for (int i = 0; i < configured.size(); i++) {
			rules.add(rule(configured.get(i), i));
		}
		return new RuleBasedPermissionHandler(rules,
				properties.getDefaultDecision() == ClaudeCodeControlProperties.Decision.ALLOW);
	}

	private static PermissionRule rule(ClaudeCodeControlProperties.Rule rule, int index) {
		String property = "claude-code.permissions.rules[" + index + "]";
		if (rule.getTool() == null || rule.getTool().isBlank()) {
			throw new IllegalArgumentException(property + ".tool must name a tool (a regular expression)");
		}
		try {
			return (rule.getDecision() == ClaudeCodeControlProperties.Decision.ALLOW)
					? PermissionRule.allow(rule.getTool(), rule.getInput())
					: PermissionRule.deny(rule.getTool(), rule.getInput(), rule.getMessage());
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException(property + " has an invalid regular expression: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * The options with the application's control beans added.
	 * @param options the options from the properties
	 * @param properties the control properties
	 * @param permissionHandler the permission handler bean
	 * @param hooks the hook beans, in order
	 * @param servers the in-process MCP server beans
	 * @return the options
	 */
	static ClaudeCodeOptions withControl(ClaudeCodeOptions options, ClaudeCodeControlProperties properties,
			ObjectProvider<ClaudePermissionHandler> permissionHandler, ObjectProvider<ClaudeHook> hooks,
			ObjectProvider<SdkMcpServer> servers) {
		ClaudeCodeOptions.Builder builder = options.toBuilder();
		ClaudePermissionHandler handler = permissionHandler.getIfUnique();
		if (handler != null) {
			builder.permissionHandler(handler).permissionTimeout(properties.getTimeout());
		}
		List<ClaudeHook> hookBeans = hooks.orderedStream().toList();
		if (!hookBeans.isEmpty()) {
			builder.hooks(hookBeans);
		}
		List<SdkMcpServer> serverBeans = servers.orderedStream().toList();
		if (!serverBeans.isEmpty()) {
			builder.sdkMcpServers(serverBeans);
		}
		return builder.build();
	}

	/**
	 * Matches when at least one {@code claude-code.permissions.rules} entry is set.
	 */
	static class OnPermissionRules implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return Binder.get(context.getEnvironment())
				.bind("claude-code.permissions.rules", Bindable.listOf(ClaudeCodeControlProperties.Rule.class))
				.map((rules) -> !rules.isEmpty())
				.orElse(false);
		}

	}

}
