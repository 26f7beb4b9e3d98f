package io.agentobs.claudecode.autoconfigure;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.control.SdkMcpCallContext;
import io.agentobs.claudecode.client.control.SdkMcpServer;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.run.AgentRunObservations;
import io.agentobs.claudecode.run.LiveRuns;
import io.agentobs.claudecode.tools.ClaudeTool;
import io.agentobs.claudecode.tools.JavaToolServer;
import org.junit.jupiter.api.Test;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClaudeCodeToolsAutoConfiguration}.
 */
class ClaudeCodeToolsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClaudeCodeToolsAutoConfiguration.class,
				ClaudeCodeClientAutoConfiguration.class, ClaudeCodeObservabilityAutoConfiguration.class));

	@Test
	void toolMethodOfABeanBecomesAToolOfTheClientsServer() {
		this.contextRunner.withUserConfiguration(OrderToolsConfiguration.class).run((context) -> {
			JavaToolServer server = context.getBean(JavaToolServer.class);
			assertThat(server.name()).isEqualTo("app");
			assertThat(server.toolNames()).containsExactly("lookupOrder");
			assertThat(sdkMcpServers(context.getBean(CliClaudeCodeClient.class))).containsExactly(server);
			JsonNode listed = server.handle(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"), null);
			assertThat(listed.at("/result/tools/0/description").asText()).isEqualTo("Looks up an order by its id");
			assertThat(listed.at("/result/tools/0/inputSchema/properties/orderId/type").asText()).isEqualTo("string");
			assertThat(listed.at("/result/tools/0/_meta/anthropic~1alwaysLoad").asBoolean()).isTrue();
			JsonNode called = server.handle(json("""
					{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"lookupOrder",
					"arguments":{"orderId":"A-7"}}}"""), new SdkMcpCallContext("s", "toolu_1"));
			assertThat(called.at("/result/content/0/text").asText()).isEqualTo("\"order A-7: shipped\"");
			assertThat(called.at("/result/isError").asBoolean()).isFalse();
			assertThat(context.getBean(AgentRunObservations.class)).isNotNull();
			assertThat(context).hasSingleBean(LiveRuns.class);
		});
	}

	@Test
	void toolMethodThatThrowsGivesTheApplicationsOwnException() {
		this.contextRunner.withUserConfiguration(OrderToolsConfiguration.class).run((context) -> {
			JsonNode called = context.getBean(JavaToolServer.class).handle(json("""
					{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"lookupOrder",
					"arguments":{"orderId":"missing"}}}"""), new SdkMcpCallContext("s", "toolu_1"));
			assertThat(called.at("/result/content/0/text").asText())
				.isEqualTo("Tool lookupOrder failed: IllegalArgumentException: no order missing");
			assertThat(called.at("/result/isError").asBoolean()).isTrue();
		});
	}

	@Test
	void propertiesNameTheServerAllowItsToolsAndSetTheTimeout() {
		this.contextRunner.withUserConfiguration(OrderToolsConfiguration.class)
			.withPropertyValues("claude-code.tools.server-name=orders", "claude-code.tools.allow-without-prompt=true",
					"claude-code.allowed-tools=Read", "claude-code.tools.timeout=5s")
			.run((context) -> {
				CliClaudeCodeClient client = context.getBean(CliClaudeCodeClient.class);
				assertThat(client.getDefaultOptions().getAllowedTools()).containsExactly("Read", "mcp__orders__*");
				assertThat(sdkMcpServers(client)).extracting(SdkMcpServer::name).containsExactly("orders");
				assertThat(context.getBean(ClaudeCodeToolsProperties.class).getTimeout())
					.isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void toolsAreNotAllowedWithoutAPromptByDefault() {
		this.contextRunner.withUserConfiguration(OrderToolsConfiguration.class)
			.run((context) -> assertThat(context.getBean(CliClaudeCodeClient.class).getDefaultOptions().getAllowedTools())
				.isNullOrEmpty());
	}

	@Test
	void claudeToolBeanIsAToolWithoutSpringAi() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.withUserConfiguration(ClaudeToolConfiguration.class)
			.run((context) -> assertThat(context.getBean(JavaToolServer.class).toolNames()).containsExactly("echo"));
	}

	@Test
	void withoutToolBeansThereIsNoServer() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(JavaToolServer.class);
			assertThat(sdkMcpServers(context.getBean(CliClaudeCodeClient.class))).isNullOrEmpty();
		});
	}

	@Test
	void withoutSpringAiToolMethodsAreNotTools() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.withUserConfiguration(OrderToolsConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(JavaToolServer.class));
	}

	@Test
	void toolsCanBeSwitchedOff() {
		this.contextRunner.withUserConfiguration(OrderToolsConfiguration.class)
			.withPropertyValues("claude-code.tools.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JavaToolServer.class));
	}

	@Test
	void badServerNameFailsTheStartNamingTheProperty() {
		this.contextRunner.withUserConfiguration(OrderToolsConfiguration.class)
			.withPropertyValues("claude-code.tools.server-name=my app")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("(claude-code.tools.server-name)"));
	}

	private static List<SdkMcpServer> sdkMcpServers(CliClaudeCodeClient client) {
		ClaudeCodeOptions options = client.getDefaultOptions();
		return options.getSdkMcpServers();
	}

	private static JsonNode json(String text) {
		try {
			return Json.mapper().readTree(text);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderToolsConfiguration {

		@Bean
		OrderTools orderTools() {
			return new OrderTools();
		}

	}

	static class OrderTools {

		@Tool(description = "Looks up an order by its id")
		String lookupOrder(@ToolParam(description = "the order id") String orderId) {
			if ("missing".equals(orderId)) {
				throw new IllegalArgumentException("no order " + orderId);
			}
			return "order " + orderId + ": shipped";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClaudeToolConfiguration {

		@Bean
		ClaudeTool echo() {
			return ClaudeTool.of("echo", "Echoes its input", "{\"type\":\"object\"}", (input) -> input);
		}

	}

}
