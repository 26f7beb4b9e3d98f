package io.agentobs.claudecode.client.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.control.ClaudeControlListener;
import io.agentobs.claudecode.client.control.ClaudeHook;
import io.agentobs.claudecode.client.control.ClaudePermissionHandler;
import io.agentobs.claudecode.client.control.HookInput;
import io.agentobs.claudecode.client.control.HookOutput;
import io.agentobs.claudecode.client.control.PermissionDecision;
import io.agentobs.claudecode.client.control.PermissionRequest;
import io.agentobs.claudecode.client.control.SdkMcpCallContext;
import io.agentobs.claudecode.client.control.SdkMcpServer;
import io.agentobs.claudecode.client.message.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the CLI's control requests on a worker thread: {@code can_use_tool} through the
 * permission handler, {@code hook_callback} through the hooks, {@code mcp_message} through
 * the in-process MCP servers; any other subtype with an error. Builds the
 * {@code initialize} request that registers the hooks and servers.
 */
final class ControlRequestHandlers {

	private static final Logger logger = LoggerFactory.getLogger(ControlRequestHandlers.class);

	static final Duration DEFAULT_PERMISSION_TIMEOUT = Duration.ofMinutes(5);

	static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofSeconds(60);

	/** The key of the model's tool-use id in a {@code tools/call}'s {@code _meta}. */
	static final String TOOL_USE_ID_META = "claudecode/toolUseId";

	private final ClaudePermissionHandler permissionHandler;

	private final Duration permissionTimeout;

	private final Map<String, ClaudeHook> hooks;

	private final Map<String, SdkMcpServer> servers;

	private final ClaudeControlListener listener;

	private final Supplier<String> sessionId;

	ControlRequestHandlers(ClaudeCodeOptions options, Supplier<String> sessionId) {
		this.permissionHandler = options.getPermissionHandler();
		this.permissionTimeout = (options.getPermissionTimeout() != null) ? options.getPermissionTimeout()
				: DEFAULT_PERMISSION_TIMEOUT;
		this.hooks = callbackIds(options.getHooks());
		this.servers = serversByName(options.getSdkMcpServers());
		this.listener = options.getControlListener();
		this.sessionId = sessionId;
	}

	boolean answersRequests() {
		return this.permissionHandler != null || !this.hooks.isEmpty() || !this.servers.isEmpty();
	}

	/**
	 * The {@code initialize} request, when hooks or servers must be registered.
	 * @return the request body, {@code null} when none is needed
	 */
	ObjectNode initializeRequest() {
		if (this.hooks.isEmpty() && this.servers.isEmpty()) {
			return null;
		}
		ObjectNode request = Json.mapper().createObjectNode().put("subtype", "initialize");
		if (!this.hooks.isEmpty()) {
			ObjectNode events = request.putObject("hooks");
			this.hooks.forEach((callbackId, hook) -> {
				ArrayNode matchers = (events.get(hook.event().wireName()) instanceof ArrayNode existing) ? existing
						: events.putArray(hook.event().wireName());
				ObjectNode matcher = matchers.addObject();
				if (hook.matcher() != null) {
					matcher.put("matcher", hook.matcher());
				}
				matcher.putArray("hookCallbackIds").add(callbackId);
				matcher.put("timeout", Math.max(1, hookTimeout(hook).toSeconds()));
			});
		}
		if (!this.servers.isEmpty()) {
			ArrayNode names = request.putArray("sdkMcpServers");
			this.servers.keySet().forEach(names::add);
		}
		return request;
	}

	void handle(ControlChannel.InboundRequest request) {
		String subtype = request.message().subtype();
		if ("can_use_tool".equals(subtype)) {
			decidePermission(request);
		}
		else if ("hook_callback".equals(subtype)) {
			callHook(request);
		}
		else if ("mcp_message".equals(subtype)) {
			callServer(request);
		}
		else {
			request.fail("Unsupported control request subtype: " + subtype);
		}
	}

	private void decidePermission(ControlChannel.InboundRequest request) {
		if (this.permissionHandler == null) {
			request.fail("No permission handler is configured in the client");
			return;
		}
		JsonNode body = request.body();
		PermissionRequest permission = new PermissionRequest(Json.text(body, "tool_name"), body.get("input"),
				Json.text(body, "tool_use_id"), Json.text(body, "agent_id"), Json.text(body, "blocked_path"),
				Json.text(body, "decision_reason"), body.get("permission_suggestions"), this.sessionId.get());
		request.onTimeout(this.permissionTimeout, () -> {
			PermissionDecision denial = PermissionDecision.deny("The application did not decide on "
					+ permission.toolName() + " within " + this.permissionTimeout + "; the call was denied");
			if (request.answer(permissionAnswer(permission, denial), () -> decided(request, permission, denial))) {
				logger.warn("Permission handler did not decide on tool {} within {}; denied the call",
						permission.toolName(), this.permissionTimeout);
				request.interruptWorker();
			}
		});
		PermissionDecision decision;
		try {
			decision = this.permissionHandler.decide(permission);
			if (decision == null) {
				throw new IllegalStateException("The permission handler returned no decision");
			}
		}
		catch (RuntimeException | Error ex) {
			if (request.isAnswered()) {
				return;
			}
			logger.warn("Permission handler failed on tool {}; denied the call: {}", permission.toolName(),
					ex.toString());
			decision = PermissionDecision
				.deny("The application's permission handler failed on " + permission.toolName()
						+ "; the call was denied");
		}
		PermissionDecision answered = decision;
		request.answer(permissionAnswer(permission, answered), () -> decided(request, permission, answered));
	}

	private void decided(ControlChannel.InboundRequest request, PermissionRequest permission,
			PermissionDecision decision) {
		long waited = System.nanoTime() - request.arrivedNanos();
		if (this.listener != null) {
			ListenerCalls.run("control listener", "a permission decision",
					() -> this.listener.permissionDecided(permission, decision, waited));
		}
	}

	/**
	 * The {@code can_use_tool} answer ({@code PermissionResult}); an allow always names the
	 * input the tool runs with.
	 */
	static ObjectNode permissionAnswer(PermissionRequest request, PermissionDecision decision) {
		ObjectNode answer = Json.mapper().createObjectNode();
		if (decision.isAllowed()) {
			answer.put("behavior", "allow");
			JsonNode input = (decision.getUpdatedInput() != null) ? decision.getUpdatedInput() : request.input();
			answer.set("updatedInput", (input != null) ? input : Json.mapper().createObjectNode());
		}
		else {
			answer.put("behavior", "deny");
			answer.put("message", decision.getMessage());
			if (decision.isInterrupt()) {
				answer.put("interrupt", true);
			}
		}
		if (request.toolUseId() != null) {
			answer.put("toolUseID", request.toolUseId());
		}
		return answer;
	}

	private void callHook(ControlChannel.InboundRequest request) {
		JsonNode body = request.body();
		String callbackId = Json.text(body, "callback_id");
		ClaudeHook hook = (callbackId != null) ? this.hooks.get(callbackId) : null;
		if (hook == null) {
			request.fail("No hook with callback id " + callbackId);
			return;
		}
		HookInput input = HookInput.of(hook.event(), body.get("input"), Json.text(body, "tool_use_id"));
		Duration timeout = hookTimeout(hook);
		long start = System.nanoTime();
		request.onTimeout(timeout, () -> {
			if (request.answer(HookOutput.proceed().toJson(hook.event()), () -> hookCalled(hook, input,
					HookOutput.proceed(), new TimeoutException("The hook did not answer within " + timeout), start))) {
				logger.warn("Hook {} did not answer within {}; the agent goes on", hook, timeout);
				request.interruptWorker();
			}
		});
		HookOutput output;
		Throwable failure = null;
		try {
			output = hook.handle(input);
			if (output == null) {
				throw new IllegalStateException("The hook returned no output");
			}
		}
		catch (RuntimeException | Error ex) {
			if (request.isAnswered()) {
				return;
			}
			logger.warn("Hook {} failed; the agent goes on: {}", hook, ex.toString());
			output = HookOutput.proceed();
			failure = ex;
		}
		HookOutput answered = output;
		Throwable answeredFailure = failure;
		request.answer(answered.toJson(hook.event()), () -> hookCalled(hook, input, answered, answeredFailure, start));
	}

	private void hookCalled(ClaudeHook hook, HookInput input, HookOutput output, Throwable failure, long start) {
		long duration = System.nanoTime() - start;
		if (this.listener != null) {
			ListenerCalls.run("control listener", "a hook callback",
					() -> this.listener.hookCalled(hook, input, output, failure, duration));
		}
	}

	private void callServer(ControlChannel.InboundRequest request) {
		JsonNode body = request.body();
		String name = Json.text(body, "server_name");
		SdkMcpServer server = (name != null) ? this.servers.get(name) : null;
		if (server == null) {
			request.fail("SDK MCP server not found: " + name);
			return;
		}
		JsonNode message = body.get("message");
		if (message == null || !message.isObject()) {
			request.fail("The mcp_message request carries no JSON-RPC message");
			return;
		}
		String toolUseId = Json.text(message.path("params").path("_meta"), TOOL_USE_ID_META);
		JsonNode response = server.handle(message, new SdkMcpCallContext(this.sessionId.get(), toolUseId));
		if (response == null) {
			// A notification: the CLI still waits for an answer (as the TypeScript SDK gives)
			ObjectNode empty = Json.mapper().createObjectNode().put("jsonrpc", "2.0");
			empty.putObject("result");
			response = empty.put("id", 0);
		}
		ObjectNode answer = Json.mapper().createObjectNode();
		answer.set("mcp_response", response);
		request.answer(answer);
	}

	private static Duration hookTimeout(ClaudeHook hook) {
		return (hook.timeout() != null) ? hook.timeout() : DEFAULT_HOOK_TIMEOUT;
	}

	/**
	 * The registered hooks by callback id, in registration order.
	 * @param hooks the hooks
	 * @return the hooks by id
	 */
	private static Map<String, ClaudeHook> callbackIds(List<ClaudeHook> hooks) {
		Map<String, ClaudeHook> byId = new LinkedHashMap<>();
		if (hooks != null) {
			for (ClaudeHook hook : hooks) {
				byId.put("hook_" + byId.size(), hook);
			}
		}
		return byId;
	}

	/**
	 * The in-process MCP servers by name.
	 * @param servers the servers
	 * @return the servers by name
	 */
	private static Map<String, SdkMcpServer> serversByName(List<SdkMcpServer> servers) {
		Map<String, SdkMcpServer> byName = new LinkedHashMap<>();
		if (servers != null) {
			servers.forEach((server) -> byName.put(server.name(), server));
		}
		return byName;
	}

}
