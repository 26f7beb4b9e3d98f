package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.control.SdkMcpServer;
import io.agentobs.claudecode.testsupport.BootLineNeutral;
import io.agentobs.claudecode.tools.ClaudeTool;
import io.agentobs.claudecode.tools.JavaToolServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java tools without Spring AI, on every Boot line: {@link ClaudeTool} beans become the tools
 * of the client's in-process server, and nothing else changes when there are none.
 */
@BootLineNeutral
class ClaudeToolBeansAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
		.withConfiguration(AutoConfigurations.of(ClaudeCodeToolsAutoConfiguration.class,
				ClaudeCodeClientAutoConfiguration.class));

	@Test
	void claudeToolBeanIsAToolOfTheClientsServer() {
		this.contextRunner.withUserConfiguration(EchoToolConfiguration.class)
			.withPropertyValues("claude-code.tools.allow-without-prompt=true")
			.run((context) -> {
				JavaToolServer server = context.getBean(JavaToolServer.class);
				assertThat(server.toolNames()).containsExactly("echo");
				CliClaudeCodeClient client = context.getBean(CliClaudeCodeClient.class);
				assertThat(client.getDefaultOptions().getSdkMcpServers()).extracting(SdkMcpServer::name)
					.containsExactly("app");
				assertThat(client.getDefaultOptions().getAllowedTools()).containsExactly("mcp__app__*");
			});
	}

	@Test
	void withoutToolBeansTheClientHasNoServer() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(JavaToolServer.class);
			assertThat(context.getBean(CliClaudeCodeClient.class).getDefaultOptions().getSdkMcpServers())
				.isNullOrEmpty();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class EchoToolConfiguration {

		@Bean
		ClaudeTool echo() {
			return ClaudeTool.of("echo", "Echoes its input", "{\"type\":\"object\"}", (input) -> input);
		}

	}

}
