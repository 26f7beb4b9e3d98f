package io.agentobs.claudecode.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.agentobs.claudecode.actuate.McpServerHealthIndicator;
import io.agentobs.claudecode.actuate.McpServerStatuses;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a health indicator per configured MCP server
 * ({@code claude-code.mcp-servers}), named {@code claudeCodeMcpServers}, from the statuses
 * the CLI reports in each run's {@code system/init} message. Only with Spring Boot's
 * health module (Boot 4) and at least one configured server.
 */
@AutoConfiguration(after = ClaudeCodeClientAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(McpServerStatuses.class)
@ConditionalOnEnabledHealthIndicator("claudeCodeMcpServers")
public class ClaudeCodeMcpHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "claudeCodeMcpServersHealthContributor")
	CompositeHealthContributor claudeCodeMcpServersHealthContributor(ClaudeCodeClientProperties properties,
			McpServerStatuses statuses) {
		Map<String, HealthContributor> indicators = new LinkedHashMap<>();
		properties.getMcpServers().keySet().forEach((name) -> indicators.put(name, new McpServerHealthIndicator(statuses, name)));
		return CompositeHealthContributor.fromMap(indicators);
	}

}
