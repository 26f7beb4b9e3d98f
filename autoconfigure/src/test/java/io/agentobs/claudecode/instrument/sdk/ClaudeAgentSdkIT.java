package io.agentobs.claudecode.instrument.sdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springaicommunity.claude.agent.sdk.ClaudeAsyncClient;
import org.springaicommunity.claude.agent.sdk.ClaudeClient;
import org.springaicommunity.claude.agent.sdk.ClaudeSyncClient;
import org.springaicommunity.claude.agent.sdk.config.PermissionMode;
import org.springaicommunity.claude.agent.sdk.transport.CLIOptions;
import org.springaicommunity.claude.agent.sdk.types.Message;
import org.springaicommunity.claude.agent.sdk.types.ResultMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the real Claude Code CLI through the claude-code-sdk's sync and async clients,
 * proxied with the advisor, against the scripted Anthropic API.
 */
@Timeout(90)
class ClaudeAgentSdkIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTree tree = ObservationTree.of(this.registry);

	private final List<AutoCloseable> resources = new ArrayList<>();

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	@AfterEach
	void closeAndCheckEveryObservationStoppedOnce() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation();
		assertThat(this.tree.notStoppedExactlyOnce()).isEmpty();
	}

	@Test
	void syncToolCall() {
		ClaudeSyncClient client = syncClient(api(ScriptedAnthropicApi.builder()));
		client.connect(Scenario.TOOL_CALL.prompt("run a command"));
		List<Message> messages = new ArrayList<>();
		client.messages().forEach(messages::add);
		assertThat(messages).last().isInstanceOf(ResultMessage.class);
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				""");
		AgentInvocationObservationContext agent = agent(0);
		assertThat(agent.getConversationId()).isNotBlank();
		assertThat(agent.getCostUsd()).isPositive();
		assertThat(agent.getTotalUsage().outputTokens()).isEqualTo(40L);
		assertThat(this.tree.contexts(ChatObservationContext.class)).allSatisfy((chat) -> {
			assertThat(chat.getResponseId()).isNull();
			assertThat(chat.getUsage()).isNull();
		});
		assertThat(this.tree.contexts(ToolExecutionObservationContext.class).get(0).getResult())
			.isEqualTo("hello-from-tool");
	}

	@Test
	void syncFailingTool() {
		ClaudeSyncClient client = syncClient(api(ScriptedAnthropicApi.builder()));
		assertThat(client.connectText(Scenario.FAILING_TOOL.prompt("fail"))).isNotEmpty();
		assertThat(this.tree.contexts(ToolExecutionObservationContext.class).get(0).getErrorType())
			.isEqualTo("tool_error");
		assertThat(agent(0).getErrorType()).isNull();
	}

	@Test
	void syncApiError() {
		ClaudeSyncClient client = syncClient(api(ScriptedAnthropicApi.builder()));
		client.connect(Scenario.HTTP_401.prompt("hello"));
		client.messages().forEach((message) -> {
		});
		assertThat(this.tree.render()).isEqualTo("invoke_agent claude-code\n");
		assertThat(agent(0).getErrorType()).isEqualTo("error");
	}

	@Test
	void syncMultiTurn() {
		ClaudeSyncClient client = syncClient(api(ScriptedAnthropicApi.builder()));
		client.connect("first");
		client.messages().forEach((message) -> {
		});
		assertThat(client.queryText(Scenario.TOOL_CALL.prompt("second"))).isNotEmpty();
		assertThat(client.queryText(Scenario.PLAIN_ANSWER.prompt("third"))).isNotEmpty();
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				""");
		List<AgentInvocationObservationContext> agents = this.tree.contexts(AgentInvocationObservationContext.class);
		assertThat(agents).extracting(AgentInvocationObservationContext::getConversationId)
			.containsOnly(agents.get(0).getConversationId());
		assertThat(agents).allSatisfy((agent) -> assertThat(agent.getCostUsd()).isPositive());
	}

	@Test
	void asyncToolCallAndMultiTurn() {
		ClaudeAsyncClient client = asyncClient(api(ScriptedAnthropicApi.builder()));
		client.connect(Scenario.TOOL_CALL.prompt("run a command")).messages().blockLast(TIMEOUT);
		assertThat(client.query(Scenario.PLAIN_ANSWER.prompt("again")).text().block(TIMEOUT)).isNotEmpty();
		assertThat(this.tree.render()).isEqualTo("""
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				  execute_tool Bash
				  chat claude-sonnet-4-5
				invoke_agent claude-code
				  chat claude-sonnet-4-5
				""");
		assertThat(agent(1).getConversationId()).isEqualTo(agent(0).getConversationId());
	}

	@Test
	void killedCliEndsTheTurnWithCliExited() throws Exception {
		ScriptedAnthropicApi api = api(ScriptedAnthropicApi.builder().slowEventDelay(Duration.ofSeconds(2)));
		ClaudeSyncClient target = ClaudeClient.sync(options(api)).workingDirectory(this.workingDirectory)
			.claudePath(System.getenv("CLAUDE_CODE_CLI_PATH"))
			.build();
		ClaudeSyncClient client = SdkClients.proxy(target, ClaudeSyncClient.class, this.registry,
				Duration.ofMillis(500));
		client.connect(Scenario.SLOW.prompt("take your time"));
		Thread consumer = new Thread(() -> client.messages().forEach((message) -> {
		}), "sdk-consumer");
		consumer.setDaemon(true);
		consumer.start();
		await().atMost(TIMEOUT).until(() -> !api.calls().isEmpty());
		Process cli = SdkClientInternals.process(target).orElseThrow();
		cli.destroyForcibly();
		await().atMost(Duration.ofSeconds(10)).until(() -> agent(0).getErrorType() != null);
		assertThat(agent(0).getErrorType()).isEqualTo("cli_exited");
		assertThat(consumer.isAlive()).as("the SDK's iterator never ends").isTrue();
		this.resources.add(client);
	}

	private AgentInvocationObservationContext agent(int index) {
		return this.tree.contexts(AgentInvocationObservationContext.class).get(index);
	}

	private ScriptedAnthropicApi api(ScriptedAnthropicApi.Builder builder) {
		ScriptedAnthropicApi api = builder.start();
		this.resources.add(api);
		return api;
	}

	private CLIOptions options(ScriptedAnthropicApi api) {
		return CLIOptions.builder()
			.model("claude-sonnet-4-5")
			.allowedTools(List.of("Bash"))
			.permissionMode(PermissionMode.DEFAULT)
			.env(this.cliHome.environment(api.cliEnvironment()))
			.stderrHandler((line) -> System.err.println("CLI stderr: " + line))
			.build();
	}

	private ClaudeSyncClient syncClient(ScriptedAnthropicApi api) {
		return register(() -> ClaudeClient.sync(options(api)).workingDirectory(this.workingDirectory)
			.claudePath(System.getenv("CLAUDE_CODE_CLI_PATH"))
			.timeout(TIMEOUT)
			.build(), ClaudeSyncClient.class);
	}

	private ClaudeAsyncClient asyncClient(ScriptedAnthropicApi api) {
		ClaudeAsyncClient target = ClaudeClient.async(options(api)).workingDirectory(this.workingDirectory)
			.claudePath(System.getenv("CLAUDE_CODE_CLI_PATH"))
			.timeout(TIMEOUT)
			.build();
		ClaudeAsyncClient client = SdkClients.proxy(target, ClaudeAsyncClient.class, this.registry);
		this.resources.add(() -> client.close().block(TIMEOUT));
		return client;
	}

	private <T extends AutoCloseable> T register(Supplier<T> targets, Class<T> type) {
		T client = SdkClients.proxy(targets.get(), type, this.registry);
		this.resources.add(client);
		return client;
	}

}
