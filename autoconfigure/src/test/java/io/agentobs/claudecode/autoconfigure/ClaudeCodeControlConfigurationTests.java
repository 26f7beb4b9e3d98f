package io.agentobs.claudecode.autoconfigure;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.client.control.ClaudeHook;
import io.agentobs.claudecode.client.control.ClaudePermissionHandler;
import io.agentobs.claudecode.client.control.HookEvent;
import io.agentobs.claudecode.client.control.HookOutput;
import io.agentobs.claudecode.client.control.PermissionDecision;
import io.agentobs.claudecode.client.control.PermissionRequest;
import io.agentobs.claudecode.client.control.RuleBasedPermissionHandler;
import io.agentobs.claudecode.client.control.SdkMcpCallContext;
import io.agentobs.claudecode.client.control.SdkMcpServer;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.testsupport.BootLineNeutral;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control beans and properties of {@link ClaudeCodeClientAutoConfiguration}.
 */
@BootLineNeutral
class ClaudeCodeControlConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClaudeCodeClientAutoConfiguration.class));

	@Test
	void withoutControlBeansOrRulesTheClientHasNoHandlersAndNoPermissionHandlerBean() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(ClaudePermissionHandler.class);
			ClaudeCodeOptions options = defaultOptions(context.getBean(ClaudeCodeClient.class));
			assertThat(options.getPermissionHandler()).isNull();
			assertThat(options.getHooks()).isNull();
			assertThat(options.getSdkMcpServers()).isNull();
		});
	}

	@Test
	void controlBeansBecomeTheClientDefaults() {
		this.contextRunner.withUserConfiguration(ControlBeans.class)
			.withPropertyValues("claude-code.permissions.timeout=30s")
			.run((context) -> {
				ClaudeCodeOptions options = defaultOptions(context.getBean(ClaudeCodeClient.class));
				assertThat(options.getPermissionHandler()).isSameAs(context.getBean(ClaudePermissionHandler.class));
				assertThat(options.getPermissionTimeout()).hasSeconds(30);
				assertThat(options.getHooks()).containsExactly(context.getBean(ClaudeHook.class));
				assertThat(options.getSdkMcpServers()).extracting(SdkMcpServer::name).containsExactly("app");
			});
	}

	@Test
	void rulesFromPropertiesDecideFirstMatchFirst() {
		this.contextRunner
			.withPropertyValues("claude-code.permissions.rules[0].tool=Bash",
					"claude-code.permissions.rules[0].input=\"command\":\"(ls|git status)",
					"claude-code.permissions.rules[0].decision=allow",
					"claude-code.permissions.rules[1].tool=Bash|Write",
					"claude-code.permissions.rules[1].message=Not here",
					"claude-code.permissions.rules[2].tool=mcp__app__.*",
					"claude-code.permissions.rules[2].decision=allow")
			.run((context) -> {
				ClaudePermissionHandler handler = context.getBean(RuleBasedPermissionHandler.class);
				assertThat(defaultOptions(context.getBean(ClaudeCodeClient.class)).getPermissionHandler())
					.isSameAs(handler);
				assertThat(decide(handler, "Bash", "{\"command\":\"ls -la\"}")).isEqualTo("allow rule null");
				assertThat(decide(handler, "Bash", "{\"command\":\"rm -rf /\"}")).isEqualTo("deny rule Not here");
				assertThat(decide(handler, "mcp__app__lookup", "{}")).isEqualTo("allow rule null");
				assertThat(decide(handler, "WebFetch", "{}"))
					.isEqualTo("deny rule No permission rule allows WebFetch");
			});
	}

	@Test
	void aPermissionHandlerBeanWinsOverRules() {
		this.contextRunner.withUserConfiguration(ControlBeans.class)
			.withPropertyValues("claude-code.permissions.rules[0].tool=Bash")
			.run((context) -> assertThat(context).doesNotHaveBean(RuleBasedPermissionHandler.class));
	}

	@Test
	void aRuleWithoutToolFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("claude-code.permissions.rules[0].input=x")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("claude-code.permissions.rules[0].tool must name a tool (a regular expression)"));
	}

	@Test
	void aRuleWithAnInvalidExpressionFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("claude-code.permissions.rules[0].tool=Bash(")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("claude-code.permissions.rules[0] has an invalid regular expression: Unclosed group"));
	}

	private static String decide(ClaudePermissionHandler handler, String tool, String input) throws Exception {
		PermissionDecision decision = handler.decide(new PermissionRequest(tool, Json.mapper().readTree(input),
				"toolu_1", null, null, null, null, null));
		return decision.outcome() + " " + decision.getSource().value() + " " + decision.getMessage();
	}

	private static ClaudeCodeOptions defaultOptions(ClaudeCodeClient client) {
		return ((CliClaudeCodeClient) client).getDefaultOptions();
	}

	@Configuration(proxyBeanMethods = false)
	static class ControlBeans {

		@Bean
		ClaudePermissionHandler permissionHandler() {
			return (request) -> PermissionDecision.allow();
		}

		@Bean
		ClaudeHook hook() {
			return ClaudeHook.of(HookEvent.PRE_TOOL_USE, "Bash", (input) -> HookOutput.proceed());
		}

		@Bean
		SdkMcpServer server() {
			return new SdkMcpServer() {

				@Override
				public String name() {
					return "app";
				}

				@Override
				public JsonNode handle(JsonNode message, SdkMcpCallContext context) {
					return null;
				}

			};
		}

	}

}
