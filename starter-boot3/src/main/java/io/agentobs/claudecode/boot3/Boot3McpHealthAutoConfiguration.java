package io.agentobs.claudecode.boot3;

import java.util.LinkedHashMap;
import java.util.Map;

import io.agentobs.claudecode.actuate.McpServerStatuses;
import io.agentobs.claudecode.autoconfigure.ClaudeCodeClientAutoConfiguration;
import io.agentobs.claudecode.autoconfigure.ClaudeCodeClientProperties;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a health indicator per configured MCP server
 * ({@code claude-code.mcp-servers}) on Spring Boot 3.5's Actuator, named
 * {@code claudeCodeMcpServers} as Boot 4's ({@code ClaudeCodeMcpHealthAutoConfiguration}),
 * from the statuses the CLI reports in each run's {@code system/init} message. Only with at
 * least one configured server.
 */
@AutoConfiguration(after = ClaudeCodeClientAutoConfiguration.class,
		afterName = "io.agentobs.claudecode.autoconfigure.ClaudeCodeMcpHealthAutoConfiguration")
@ConditionalOnClass(name = { "org.springframework.boot.actuate.health.HealthIndicator",
		"org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator" })
@ConditionalOnBean(McpServerStatuses.class)
@ConditionalOnEnabledHealthIndicator("claudeCodeMcpServers")
public class Boot3McpHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "claudeCodeMcpServersHealthContributor")
	CompositeHealthContributor claudeCodeMcpServersHealthContributor(ClaudeCodeClientProperties properties,
			McpServerStatuses statuses) {
		Map<String, HealthContributor> indicators = new LinkedHashMap<>();
		properties.getMcpServers()
			.keySet()
			.forEach((name) -> indicators.put(name, new Boot3McpServerHealthIndicator(statuses, name)));
		return CompositeHealthContributor.fromMap(indicators);
	}

}
