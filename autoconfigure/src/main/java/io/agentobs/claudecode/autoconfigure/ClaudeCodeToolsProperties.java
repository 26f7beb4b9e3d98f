package io.agentobs.claudecode.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of Java tools: the beans the agent can call as tools of the
 * application's in-process MCP server.
 */
@ConfigurationProperties("claude-code.tools")
public class ClaudeCodeToolsProperties {

	/**
	 * Whether tool beans (ClaudeTool, Spring AI @Tool methods, ToolCallback and
	 * ToolCallbackProvider beans) become tools of the agent.
	 */
	private boolean enabled = true;

	/**
	 * Name of the in-process MCP server; the model sees its tools as
	 * mcp__{server-name}__{tool}.
	 */
	private String serverName = "app";

	/**
	 * Whether the agent may call the tools without a permission prompt (adds
	 * mcp__{server-name}__* to the allowed tools).
	 */
	private boolean allowWithoutPrompt;

	/**
	 * Time a tool call may run; a call that takes longer is interrupted and the model gets an
	 * error result.
	 */
	private Duration timeout = Duration.ofSeconds(60);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getServerName() {
		return this.serverName;
	}

	public void setServerName(String serverName) {
		this.serverName = serverName;
	}

	public boolean isAllowWithoutPrompt() {
		return this.allowWithoutPrompt;
	}

	public void setAllowWithoutPrompt(boolean allowWithoutPrompt) {
		this.allowWithoutPrompt = allowWithoutPrompt;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
