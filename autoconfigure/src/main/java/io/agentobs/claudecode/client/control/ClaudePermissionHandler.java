package io.agentobs.claudecode.client.control;

/**
 * Decides whether a tool call may run: answers the CLI's {@code can_use_tool} requests. With
 * a handler the CLI runs with {@code --permission-prompt-tool=stdio} and asks it about every
 * tool call its own rules and permission mode leave open.
 * <p>
 * Called on a worker thread of the client, never on the thread that reads the CLI's output;
 * may block (for a human's answer) up to the client's permission timeout. A handler that
 * throws or times out denies the call; the run goes on.
 */
@FunctionalInterface
public interface ClaudePermissionHandler {

	/**
	 * Decides a tool call.
	 * @param request the tool call
	 * @return the decision, never {@code null}
	 */
	PermissionDecision decide(PermissionRequest request);

}
