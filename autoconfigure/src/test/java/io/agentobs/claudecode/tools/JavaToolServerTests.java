package io.agentobs.claudecode.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentobs.claudecode.client.control.SdkMcpCallContext;
import io.agentobs.claudecode.client.message.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JavaToolServer}: the JSON-RPC messages the CLI sends through
 * {@code mcp_message}.
 */
class JavaToolServerTests {

	private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}";

	private final List<JavaToolServer> servers = new ArrayList<>();

	@AfterEach
	void closeServers() {
		this.servers.forEach(JavaToolServer::close);
	}

	@Test
	void initializeAnswersTheRequestedProtocolVersionAndToolsCapability() {
		JsonNode response = server().handle(json("""
				{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-03-26",
				"capabilities":{},"clientInfo":{"name":"claude-code","version":"2.1.328"}}}"""), context(null));
		assertThat(response).isEqualTo(json("""
				{"jsonrpc":"2.0","id":0,"result":{"protocolVersion":"2025-03-26",
				"capabilities":{"tools":{"listChanged":false}},"serverInfo":{"name":"app","version":"1.0.0"}}}"""));
	}

	@Test
	void toolsListOffersEveryToolAlwaysLoaded() {
		JsonNode response = server().handle(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"),
				context(null));
		assertThat(response).isEqualTo(json("""
				{"jsonrpc":"2.0","id":1,"result":{"tools":[
				{"name":"lookup","description":"Looks up an order","inputSchema":%s,"_meta":{"anthropic/alwaysLoad":true}},
				{"name":"fail","description":"Fails","inputSchema":%s,"_meta":{"anthropic/alwaysLoad":true}}]}}"""
			.formatted(SCHEMA, SCHEMA)));
	}

	@Test
	void toolsCallAnswersTheToolsResultAsText() {
		JsonNode response = server().handle(call(2, "lookup", "{\"id\":\"42\"}"), context("toolu_1"));
		assertThat(response).isEqualTo(json("""
				{"jsonrpc":"2.0","id":2,"result":{"content":[{"type":"text","text":"order {\\"id\\":\\"42\\"}"}],
				"isError":false}}"""));
	}

	@Test
	void toolThatThrowsGivesAnErrorResultNamingTheToolAndTheFailure() {
		JsonNode response = server().handle(call(3, "fail", "{}"), context("toolu_2"));
		assertThat(response).isEqualTo(json("""
				{"jsonrpc":"2.0","id":3,"result":{"content":[{"type":"text",
				"text":"Tool fail failed: IllegalStateException: no such order"}],"isError":true}}"""));
	}

	@Test
	void toolThatRunsPastTheTimeoutGivesAnErrorResultAndIsInterrupted() throws InterruptedException {
		CountDownLatch interrupted = new CountDownLatch(1);
		ClaudeTool slow = ClaudeTool.of("slow", "Sleeps", SCHEMA, (input) -> {
			try {
				Thread.sleep(10_000);
				return "woke";
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
				throw ex;
			}
		});
		JavaToolServer server = track(new JavaToolServer("app", List.of(slow), Duration.ofMillis(50), List.of()));
		JsonNode response = server.handle(call(4, "slow", "{}"), context("toolu_3"));
		assertThat(response).isEqualTo(json("""
				{"jsonrpc":"2.0","id":4,"result":{"content":[{"type":"text","text":"Tool slow timed out after 50 ms"}],
				"isError":true}}"""));
		assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void interceptorsWrapTheCallOnTheToolThreadInOrder() {
		List<String> seen = new ArrayList<>();
		ToolCallInterceptor outer = (call, invocation) -> {
			seen.add("outer " + call.qualifiedName() + " " + call.toolUseId() + " " + call.sessionId() + " "
					+ call.arguments() + " " + Thread.currentThread().getName());
			return "[" + invocation.proceed() + "]";
		};
		ToolCallInterceptor inner = (call, invocation) -> {
			seen.add("inner");
			return invocation.proceed();
		};
		JavaToolServer server = track(new JavaToolServer("app", tools(), Duration.ofSeconds(5), List.of(outer, inner)));
		JsonNode response = server.handle(call(5, "lookup", "{\"id\":\"7\"}"), new SdkMcpCallContext("s1", "toolu_4"));
		assertThat(response.at("/result/content/0/text").asText()).isEqualTo("[order {\"id\":\"7\"}]");
		assertThat(seen).containsExactly("outer mcp__app__lookup toolu_4 s1 {\"id\":\"7\"} claude-code-tool-app-1",
				"inner");
	}

	@Test
	void pingAnswersAnEmptyResult() {
		assertThat(server().handle(json("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}"), context(null)))
			.isEqualTo(json("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"result\":{}}"));
	}

	@Test
	void notificationsGetNoAnswer() {
		assertThat(server().handle(json("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
				context(null)))
			.isNull();
	}

	@Test
	void unknownMethodGetsMethodNotFound() {
		assertThat(server().handle(json("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"resources/list\"}"), context(null)))
			.isEqualTo(json("""
					{"jsonrpc":"2.0","id":6,"error":{"code":-32601,"message":"Method not found: resources/list"}}"""));
	}

	@Test
	void unknownToolGetsInvalidParams() {
		assertThat(server().handle(call(7, "missing", "{}"), context("toolu_5"))).isEqualTo(json("""
				{"jsonrpc":"2.0","id":7,"error":{"code":-32602,"message":"Unknown tool: missing"}}"""));
	}

	@Test
	void toolsAreLookedUpOnFirstUse() {
		List<ClaudeTool> source = new ArrayList<>();
		JavaToolServer server = track(new JavaToolServer("app", () -> source, Duration.ofSeconds(5), List.of()));
		source.addAll(tools());
		assertThat(server.toolNames()).containsExactly("lookup", "fail");
	}

	@Test
	void badNamesAndSchemasAreRejectedWithAClearMessage() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JavaToolServer("my app", tools(), Duration.ofSeconds(1), List.of()))
			.withMessage("The Java server name 'my app' must be 1 to 64 letters, digits, '_' or '-' "
					+ "(claude-code.tools.server-name)");
		JavaToolServer duplicates = track(new JavaToolServer("app",
				List.of(tools().get(0), tools().get(0)), Duration.ofSeconds(1), List.of()));
		assertThatIllegalArgumentException().isThrownBy(duplicates::toolNames)
			.withMessage("Two Java tools of server 'app' are named 'lookup'; tool names must be unique");
		JavaToolServer badSchema = track(new JavaToolServer("app",
				List.of(ClaudeTool.of("x", "X", "[]", (input) -> "")), Duration.ofSeconds(1), List.of()));
		assertThatIllegalArgumentException().isThrownBy(badSchema::toolNames)
			.withMessage("The input schema of Java tool 'x' is not a JSON schema object: not a JSON object");
	}

	private JavaToolServer server() {
		return track(new JavaToolServer("app", tools(), Duration.ofSeconds(5), List.of()));
	}

	private JavaToolServer track(JavaToolServer server) {
		this.servers.add(server);
		return server;
	}

	private static List<ClaudeTool> tools() {
		return List.of(ClaudeTool.of("lookup", "Looks up an order", SCHEMA, (input) -> "order " + input),
				ClaudeTool.of("fail", "Fails", SCHEMA, (input) -> {
					throw new IllegalStateException("no such order");
				}));
	}

	private static SdkMcpCallContext context(String toolUseId) {
		return new SdkMcpCallContext("session-1", toolUseId);
	}

	private static JsonNode call(int id, String tool, String arguments) {
		return json("""
				{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"%s","arguments":%s,
				"_meta":{"claudecode/toolUseId":"toolu"}}}""".formatted(id, tool, arguments));
	}

	private static JsonNode json(String text) {
		try {
			return Json.mapper().readTree(text);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
