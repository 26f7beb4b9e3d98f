package io.agentobs.claudecode.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.instrument.tools.ObservedToolCallInterceptor;
import io.agentobs.claudecode.run.LiveRuns;
import io.agentobs.claudecode.tools.JavaToolServer;
import io.agentobs.claudecode.tools.ToolCallInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;

/**
 * {@link AutoConfiguration Auto-configuration} of Java tools: when beans are tools
 * ({@code ClaudeTool} beans and, with Spring AI, {@code @Tool} methods, {@code ToolCallback}
 * and {@code ToolCallbackProvider} beans), a {@link JavaToolServer} offers them to the agent
 * of the auto-configured client, each call run in its agent run's context and recorded as
 * its {@code execute_tool} span.
 */
@AutoConfiguration(before = ClaudeCodeClientAutoConfiguration.class)
@ConditionalOnProperty(prefix = "claude-code.tools", name = "enabled", matchIfMissing = true)
@Conditional(OnJavaToolsCondition.class)
@EnableConfigurationProperties(ClaudeCodeToolsProperties.class)
public class ClaudeCodeToolsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LiveRuns claudeCodeLiveRuns(ClaudeCodeToolsProperties properties) {
		return ObservedToolCallInterceptor.liveRuns(properties.getServerName());
	}

	@Bean
	@Order(0)
	ObservedToolCallInterceptor claudeCodeObservedToolCallInterceptor(LiveRuns liveRuns) {
		return new ObservedToolCallInterceptor(liveRuns);
	}

	@Bean
	@ConditionalOnMissingBean
	JavaToolServer claudeCodeJavaToolServer(ClaudeCodeToolsProperties properties,
			ConfigurableListableBeanFactory beanFactory, ObjectProvider<ToolCallInterceptor> interceptors) {
		JavaToolBeans tools = new JavaToolBeans(beanFactory, beanFactory.getBeanClassLoader());
		return new JavaToolServer(properties.getServerName(), tools::tools, properties.getTimeout(),
				interceptors.orderedStream().toList());
	}

	/**
	 * Looks the tools up once every singleton exists, so that a bad tool fails the start.
	 */
	@Bean
	static SmartInitializingSingleton claudeCodeJavaToolsCheck(ObjectProvider<JavaToolServer> server) {
		return () -> server.ifAvailable(JavaToolServer::toolNames);
	}

	@Bean
	@ConditionalOnProperty(prefix = "claude-code.tools", name = "allow-without-prompt", havingValue = "true")
	ClaudeCodeOptionsCustomizer claudeCodeJavaToolsAllowed(JavaToolServer server) {
		return (options) -> {
			List<String> allowed = new ArrayList<>();
			if (options.getAllowedTools() != null) {
				allowed.addAll(options.getAllowedTools());
			}
			allowed.add("mcp__" + server.name() + "__*");
			return options.toBuilder().allowedTools(allowed).build();
		};
	}

}
