package io.agentobs.claudecode.tools;

import java.util.ArrayList;
import java.util.List;

import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionException;

/**
 * Java tools from Spring AI: {@link ToolCallback}s, and the {@code @Tool} methods of objects.
 * A call gets the exception the method threw, not Spring AI's wrapper, so that the model and
 * the trace see the application's own exception.
 */
public final class SpringAiTools {

	private SpringAiTools() {
	}

	/**
	 * Tools that call the given callbacks.
	 * @param callbacks the callbacks
	 * @return the tools, in order
	 */
	public static List<ClaudeTool> of(List<? extends ToolCallback> callbacks) {
		List<ClaudeTool> tools = new ArrayList<>(callbacks.size());
		for (ToolCallback callback : callbacks) {
			tools.add(new ToolCallbackTool(callback));
		}
		return tools;
	}

	/**
	 * Tools that call the {@code @Tool} methods of the given objects.
	 * @param toolObjects the objects (beans, proxies included)
	 * @return the tools, in order
	 */
	public static List<ClaudeTool> fromToolObjects(Object... toolObjects) {
		return of(List.of(ToolCallbacks.from(toolObjects)));
	}

	private record ToolCallbackTool(ToolCallback callback) implements ClaudeTool {

		@Override
		public String name() {
			return definition().name();
		}

		@Override
		public String description() {
			return definition().description();
		}

		@Override
		public String inputSchema() {
			return definition().inputSchema();
		}

		@Override
		public String call(String input) throws Exception {
			try {
				return this.callback.call(input);
			}
			catch (ToolExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof Exception exception) {
					throw exception;
				}
				if (cause instanceof Error error) {
					throw error;
				}
				throw ex;
			}
		}

		private ToolDefinition definition() {
			return this.callback.getToolDefinition();
		}

	}

}
