package io.agentobs.claudecode.client.options;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An MCP server the CLI connects to: a local process it starts ({@code stdio}) or a remote
 * server ({@code http}, {@code sse}). Passed to the CLI in a file only its owner can read,
 * since environments and headers often hold credentials; {@link #toString()} shows their
 * names only.
 *
 * @param type {@code stdio}, {@code http} or {@code sse}
 * @param command the executable of a stdio server
 * @param args the arguments of a stdio server
 * @param env environment variables of a stdio server
 * @param url the URL of an http or sse server
 * @param headers HTTP headers of an http or sse server
 */
public record McpServerConfig(String type, String command, List<String> args, Map<String, String> env, String url,
		Map<String, String> headers) {

	public McpServerConfig {
		type = (type != null) ? type : "stdio";
		switch (type) {
			case "stdio" -> {
				if (command == null || command.isBlank()) {
					throw new IllegalArgumentException("A stdio MCP server needs a command");
				}
			}
			case "http", "sse" -> {
				if (url == null || url.isBlank()) {
					throw new IllegalArgumentException("An " + type + " MCP server needs a url");
				}
			}
			default -> throw new IllegalArgumentException(
					"An MCP server's type is stdio, http or sse, not '" + type + "'");
		}
		args = (args != null) ? List.copyOf(args) : List.of();
		env = (env != null) ? Map.copyOf(env) : Map.of();
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

	/**
	 * A server the CLI starts and talks to over its stdin and stdout.
	 * @param command the executable
	 * @param args its arguments
	 * @param env environment variables added to its environment
	 * @return the configuration
	 */
	public static McpServerConfig stdio(String command, List<String> args, Map<String, String> env) {
		return new McpServerConfig("stdio", command, args, env, null, null);
	}

	/**
	 * A server reached over streamable HTTP.
	 * @param url the URL
	 * @param headers headers sent with every request
	 * @return the configuration
	 */
	public static McpServerConfig http(String url, Map<String, String> headers) {
		return new McpServerConfig("http", null, null, null, url, headers);
	}

	/**
	 * A server reached over server-sent events.
	 * @param url the URL
	 * @param headers headers sent with every request
	 * @return the configuration
	 */
	public static McpServerConfig sse(String url, Map<String, String> headers) {
		return new McpServerConfig("sse", null, null, null, url, headers);
	}

	/**
	 * Describes the server; environment variables and headers by name only.
	 */
	@Override
	public String toString() {
		return "McpServerConfig[type=" + this.type + ", command=" + this.command + ", args=" + this.args + ", env="
				+ new TreeMap<>(this.env).keySet() + ", url=" + this.url + ", headers="
				+ new TreeMap<>(this.headers).keySet() + "]";
	}

}
