package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.actuate.McpServerStatuses;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.cli.StreamJsonLimits;
import io.agentobs.claudecode.client.control.ClaudeHook;
import io.agentobs.claudecode.client.control.ClaudePermissionHandler;
import io.agentobs.claudecode.client.control.SdkMcpServer;
import io.agentobs.claudecode.client.options.AgentDefinition;

import io.agentobs.claudecode.session.ClaudeSessionStore;
import io.agentobs.claudecode.session.SessionMirrorListener;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@link AutoConfiguration Auto-configuration} of a {@link ClaudeCodeClient} that runs the
 * Claude Code CLI with the {@code claude-code.*} properties as its defaults;
 * {@link AgentDefinition} beans add subagents named after the beans.
 */
@AutoConfiguration
@EnableConfigurationProperties({ ClaudeCodeClientProperties.class, ClaudeCodeControlProperties.class })
@Import(ClaudeCodeControlConfiguration.class)
public class ClaudeCodeClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ClaudeCodeClient.class)
	CliClaudeCodeClient claudeCodeClient(ClaudeCodeClientProperties properties,
			ClaudeCodeControlProperties controlProperties, ListableBeanFactory beanFactory,
			ObjectProvider<ClaudePermissionHandler> permissionHandler, ObjectProvider<ClaudeHook> hooks,
			ObjectProvider<SdkMcpServer> sdkMcpServers, ObjectProvider<ClaudeCodeOptionsCustomizer> optionsCustomizers,
			ObjectProvider<McpServerStatuses> mcpServerStatuses, ObjectProvider<ClaudeSessionStore> sessionStore,
			ObjectProvider<SessionMirrorListener> mirrorListener) {
		ClaudeCodeClientProperties.StreamJson streamJson = properties.getStreamJson();
		ClaudeCodeOptions options = ClaudeCodeControlConfiguration.withControl(
				ClaudeCodeClientOptions.of(properties, beanFactory.getBeansOfType(AgentDefinition.class)),
				controlProperties, permissionHandler, hooks, sdkMcpServers);
		McpServerStatuses statuses = mcpServerStatuses.getIfAvailable();
		if (statuses != null) {
			options = options.toBuilder().messageListener(statuses).build();
		}
		for (ClaudeCodeOptionsCustomizer customizer : optionsCustomizers.orderedStream().toList()) {
			options = customizer.customize(options);
		}
		return CliClaudeCodeClient.builder()
			.defaultOptions(options)
			.streamJsonLimits(
					new StreamJsonLimits(streamJson.getMaxLineLength().toBytes(), streamJson.getMaxNestingDepth()))
			.sessionStore(sessionStore.getIfUnique())
			.sessionMirrorListener(mirrorListener.getIfUnique(() -> SessionMirrorListener.NONE))
			.build();
	}

	/**
	 * The MCP servers' statuses of the latest run, for their health; only when servers
	 * are configured.
	 * @return the statuses
	 */
	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnMcpServersCondition.class)
	McpServerStatuses claudeCodeMcpServerStatuses() {
		return new McpServerStatuses();
	}

	/**
	 * Matches when at least one {@code claude-code.mcp-servers.<name>} is configured.
	 */
	static class OnMcpServersCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean configured = Binder.get(context.getEnvironment())
				.bind("claude-code.mcp-servers", Bindable.mapOf(String.class, ClaudeCodeClientProperties.McpServer.class))
				.map((servers) -> !servers.isEmpty())
				.orElse(false);
			return configured ? ConditionOutcome.match("claude-code.mcp-servers configured")
					: ConditionOutcome.noMatch("no claude-code.mcp-servers");
		}

	}

}
