package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.cli.StreamJsonLimits;
import io.agentobs.claudecode.client.options.AgentDefinition;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} of a {@link ClaudeCodeClient} that runs the
 * Claude Code CLI with the {@code claude-code.*} properties as its defaults;
 * {@link AgentDefinition} beans add subagents named after the beans.
 */
@AutoConfiguration
@EnableConfigurationProperties(ClaudeCodeClientProperties.class)
public class ClaudeCodeClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ClaudeCodeClient.class)
	CliClaudeCodeClient claudeCodeClient(ClaudeCodeClientProperties properties, ListableBeanFactory beanFactory) {
		ClaudeCodeClientProperties.StreamJson streamJson = properties.getStreamJson();
		return CliClaudeCodeClient.builder()
			.defaultOptions(ClaudeCodeClientOptions.of(properties, beanFactory.getBeansOfType(AgentDefinition.class)))
			.streamJsonLimits(
					new StreamJsonLimits(streamJson.getMaxLineLength().toBytes(), streamJson.getMaxNestingDepth()))
			.build();
	}

}
