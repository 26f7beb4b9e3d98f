package io.agentobs.claudecode.tools;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentobs.claudecode.client.control.SdkMcpCallContext;
import io.agentobs.claudecode.client.control.SdkMcpServer;
import io.agentobs.claudecode.client.message.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's in-process MCP server: offers {@link ClaudeTool Java tools} to the agent
 * and runs their calls. It answers the JSON-RPC messages the CLI sends through
 * {@code mcp_message} control requests: {@code initialize}, {@code tools/list} (every tool
 * marked always-load, so the CLI offers it to the model without its tool search),
 * {@code tools/call}, {@code ping}; notifications get no answer, other methods a
 * {@code -32601} error.
 * <p>
 * A call runs on a thread of the server's own, through the {@link ToolCallInterceptor}s, and
 * at most for the timeout; a tool that throws or times out gives the model an error result
 * whose text names the tool and the failure. {@link #close()} stops the server's threads.
 */
public final class JavaToolServer implements SdkMcpServer, AutoCloseable {

	/** The MCP protocol version answered when the CLI does not name one. */
	private static final String PROTOCOL_VERSION = "2025-06-18";

	private static final int METHOD_NOT_FOUND = -32601;

	private static final int INVALID_PARAMS = -32602;

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Logger logger = LoggerFactory.getLogger(JavaToolServer.class);

	private final String name;

	private final Supplier<? extends Collection<? extends ClaudeTool>> toolSource;

	private volatile Tools tools;

	private final Duration timeout;

	private final List<ToolCallInterceptor> interceptors;

	private final ExecutorService executor;

	/**
	 * Creates a server.
	 * @param name the server's name ({@code mcp__<name>__<tool>})
	 * @param tools the tools, with distinct names
	 * @param timeout how long a call may run
	 * @param interceptors what wraps each call, the first outermost
	 */
	public JavaToolServer(String name, Collection<? extends ClaudeTool> tools, Duration timeout,
			List<? extends ToolCallInterceptor> interceptors) {
		this(name, () -> List.copyOf(tools), timeout, interceptors);
	}

	/**
	 * Creates a server whose tools are looked up on first use (or on {@link #toolNames()}),
	 * so that beans the tools come from may depend on the client that uses this server.
	 * @param name the server's name ({@code mcp__<name>__<tool>})
	 * @param tools supplies the tools, with distinct names
	 * @param timeout how long a call may run
	 * @param interceptors what wraps each call, the first outermost
	 */
	public JavaToolServer(String name, Supplier<? extends Collection<? extends ClaudeTool>> tools, Duration timeout,
			List<? extends ToolCallInterceptor> interceptors) {
		this.name = checkName(name, "server");
		this.timeout = Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(
					"The Java tool timeout must be positive (claude-code.tools.timeout), got " + timeout);
		}
		this.toolSource = Objects.requireNonNull(tools, "tools");
		this.interceptors = List.copyOf(interceptors);
		this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 2, TimeUnit.SECONDS, new SynchronousQueue<>(),
				threadFactory(this.name));
	}

	private Tools tools() {
		Tools tools = this.tools;
		if (tools == null) {
			synchronized (this) {
				tools = this.tools;
				if (tools == null) {
					tools = new Tools(this.name, this.toolSource.get());
					this.tools = tools;
				}
			}
		}
		return tools;
	}

	@Override
	public String name() {
		return this.name;
	}

	/**
	 * The names of the server's tools.
	 * @return the names, in the order {@code tools/list} gives them
	 */
	public List<String> toolNames() {
		return List.copyOf(tools().byName.keySet());
	}

	@Override
	public JsonNode handle(JsonNode message, SdkMcpCallContext context) {
		JsonNode id = message.get("id");
		if (id == null || id.isNull()) {
			return null;
		}
		String method = message.path("method").asText("");
		JsonNode params = message.path("params");
		return switch (method) {
			case "initialize" -> result(id, initialize(params));
			case "ping" -> result(id, Json.mapper().createObjectNode());
			case "tools/list" -> result(id, tools().list);
			case "tools/call" -> call(id, params, context);
			default -> error(id, METHOD_NOT_FOUND, "Method not found: " + method);
		};
	}

	private ObjectNode initialize(JsonNode params) {
		ObjectNode result = Json.mapper().createObjectNode();
		result.put("protocolVersion", params.path("protocolVersion").asText(PROTOCOL_VERSION));
		result.putObject("capabilities").putObject("tools").put("listChanged", false);
		result.putObject("serverInfo").put("name", this.name).put("version", "1.0.0");
		return result;
	}

	private JsonNode call(JsonNode id, JsonNode params, SdkMcpCallContext context) {
		String toolName = params.path("name").asText(null);
		ClaudeTool tool = (toolName != null) ? tools().byName.get(toolName) : null;
		if (tool == null) {
			return error(id, INVALID_PARAMS, "Unknown tool: " + toolName);
		}
		JsonNode arguments = params.path("arguments");
		ToolCall call = new ToolCall(this.name, toolName, (context != null) ? context.toolUseId() : null,
				(context != null) ? context.sessionId() : null,
				arguments.isObject() ? arguments.toString() : "{}");
		Future<String> future = this.executor.submit(() -> intercepted(call, tool, 0));
		try {
			return result(id, content(textOf(future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS)), false));
		}
		catch (ExecutionException ex) {
			Throwable failure = (ex.getCause() != null) ? ex.getCause() : ex;
			logger.debug("Java tool {} failed", call.qualifiedName(), failure);
			return result(id, content("Tool " + toolName + " failed: " + describe(failure), true));
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			logger.warn("Java tool {} did not finish within {} (claude-code.tools.timeout); it was interrupted and "
					+ "the model got an error result", call.qualifiedName(), this.timeout);
			return result(id, content("Tool " + toolName + " timed out after " + this.timeout.toMillis() + " ms", true));
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			return result(id, content("Tool " + toolName + " was cancelled", true));
		}
	}

	private String intercepted(ToolCall call, ClaudeTool tool, int index) throws Exception {
		if (index == this.interceptors.size()) {
			return tool.call(call.arguments());
		}
		return this.interceptors.get(index).intercept(call, () -> intercepted(call, tool, index + 1));
	}

	/**
	 * Stops the server's threads; a call in progress is interrupted.
	 */
	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		String type = failure.getClass().getSimpleName();
		return (message != null && !message.isBlank()) ? type + ": " + message : type;
	}

	private static String textOf(String result) {
		return (result != null) ? result : "";
	}

	private static ObjectNode content(String text, boolean isError) {
		ObjectNode result = Json.mapper().createObjectNode();
		result.putArray("content").addObject().put("type", "text").put("text", text);
		result.put("isError", isError);
		return result;
	}

	/**
	 * The tools by name and their {@code tools/list} answer.
	 */
	private static final class Tools {

		private final Map<String, ClaudeTool> byName = new LinkedHashMap<>();

		private final JsonNode list;

		Tools(String serverName, Collection<? extends ClaudeTool> tools) {
			for (ClaudeTool tool : tools) {
				if (this.byName.putIfAbsent(checkName(tool.name(), "tool"), tool) != null) {
					throw new IllegalArgumentException("Two Java tools of server '" + serverName + "' are named '"
							+ tool.name() + "'; tool names must be unique");
				}
			}
			this.list = toolList(this.byName.values());
		}

	}

	private static JsonNode toolList(Collection<ClaudeTool> tools) {
		ObjectNode result = Json.mapper().createObjectNode();
		var list = result.putArray("tools");
		for (ClaudeTool tool : tools) {
			ObjectNode entry = list.addObject();
			entry.put("name", tool.name());
			entry.put("description", tool.description());
			entry.set("inputSchema", inputSchema(tool));
			entry.putObject("_meta").put("anthropic/alwaysLoad", true);
		}
		return result;
	}

	private static JsonNode inputSchema(ClaudeTool tool) {
		try {
			JsonNode schema = Json.mapper().readTree(tool.inputSchema());
			if (schema == null || !schema.isObject()) {
				throw new IllegalArgumentException("not a JSON object");
			}
			return schema;
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(
					"The input schema of Java tool '" + tool.name() + "' is not a JSON schema object: " + ex.getMessage(),
					ex);
		}
	}

	private static ObjectNode result(JsonNode id, JsonNode result) {
		ObjectNode response = Json.mapper().createObjectNode();
		response.put("jsonrpc", "2.0");
		response.set("id", id);
		response.set("result", result);
		return response;
	}

	private static ObjectNode error(JsonNode id, int code, String message) {
		ObjectNode response = Json.mapper().createObjectNode();
		response.put("jsonrpc", "2.0");
		response.set("id", id);
		response.putObject("error").put("code", code).put("message", message);
		return response;
	}

	private static String checkName(String name, String what) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("The Java " + what + " name '" + name
					+ "' must be 1 to 64 letters, digits, '_' or '-'"
					+ ("server".equals(what) ? " (claude-code.tools.server-name)" : ""));
		}
		return name;
	}

	private static ThreadFactory threadFactory(String serverName) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "claude-code-tool-" + serverName + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
