package io.agentobs.claudecode.tools;

/**
 * Wraps each call of a Java tool on the thread that runs it: what propagates the caller's
 * context and records the call's telemetry. Interceptors run in order, the first outermost.
 */
@FunctionalInterface
public interface ToolCallInterceptor {

	/**
	 * Runs a tool call, calling {@code invocation} to go on.
	 * @param call the call
	 * @param invocation the rest of the chain and the tool
	 * @return the result text
	 * @throws Exception what the tool threw
	 */
	String intercept(ToolCall call, ToolInvocation invocation) throws Exception;

	/**
	 * The rest of an interceptor chain.
	 */
	@FunctionalInterface
	interface ToolInvocation {

		/**
		 * Runs the next interceptor, or the tool.
		 * @return the result text
		 * @throws Exception what the tool threw
		 */
		String proceed() throws Exception;

	}

}
