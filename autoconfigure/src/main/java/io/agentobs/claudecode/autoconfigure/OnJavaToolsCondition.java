package io.agentobs.claudecode.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when a bean is a Java tool (see {@link JavaToolBeans}), without creating any bean.
 */
class OnJavaToolsCondition extends SpringBootCondition implements ConfigurationCondition {

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (context.getBeanFactory() != null && new JavaToolBeans(context.getBeanFactory(), context.getClassLoader()).any()) {
			return ConditionOutcome.match("found Java tool beans");
		}
		return ConditionOutcome.noMatch("no ClaudeTool, ToolCallback, ToolCallbackProvider or @Tool bean");
	}

}
