package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.cli.StreamJsonLimits;
import io.agentobs.claudecode.client.control.ClaudeHook;
import io.agentobs.claudecode.client.control.ClaudePermissionHandler;
import io.agentobs.claudecode.client.control.SdkMcpServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@link AutoConfiguration Auto-configuration} of a {@link ClaudeCodeClient} that runs the
 * Claude Code CLI with the {@code claude-code.*} properties as its defaults.
 */
@AutoConfiguration
@EnableConfigurationProperties({ ClaudeCodeClientProperties.class, ClaudeCodeControlProperties.class })
@Import(ClaudeCodeControlConfiguration.class)
public class ClaudeCodeClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ClaudeCodeClient.class)
	CliClaudeCodeClient claudeCodeClient(ClaudeCodeClientProperties properties,
			ClaudeCodeControlProperties controlProperties, ObjectProvider<ClaudePermissionHandler> permissionHandler,
			ObjectProvider<ClaudeHook> hooks, ObjectProvider<SdkMcpServer> sdkMcpServers,
			ObjectProvider<ClaudeCodeOptionsCustomizer> optionsCustomizers) {
		ClaudeCodeClientProperties.StreamJson streamJson = properties.getStreamJson();
		ClaudeCodeOptions options = ClaudeCodeControlConfiguration.withControl(options(properties), controlProperties,
				permissionHandler, hooks, sdkMcpServers);
		for (ClaudeCodeOptionsCustomizer customizer : optionsCustomizers.orderedStream().toList()) {
			options = customizer.customize(options);
		}
		return CliClaudeCodeClient.builder()
			.defaultOptions(options)
			.streamJsonLimits(
					new StreamJsonLimits(streamJson.getMaxLineLength().toBytes(), streamJson.getMaxNestingDepth()))
			.build();
	}

	private static ClaudeCodeOptions options(ClaudeCodeClientProperties properties) {
		return ClaudeCodeOptions.builder()
			.cliPath(properties.getCliPath())
			.model(properties.getModel())
			.workingDirectory(properties.getWorkingDirectory())
			.allowedTools(properties.getAllowedTools())
			.disallowedTools(properties.getDisallowedTools())
			.permissionMode(properties.getPermissionMode())
			.maxTurns(properties.getMaxTurns())
			.systemPrompt(properties.getSystemPrompt())
			.appendSystemPrompt(properties.getAppendSystemPrompt())
			.includePartialMessages(properties.isIncludePartialMessages())
			.environment(properties.getEnvironment())
			.runTimeout(properties.getRunTimeout())
			.idleTimeout(properties.getIdleTimeout())
			.build();
	}

}
