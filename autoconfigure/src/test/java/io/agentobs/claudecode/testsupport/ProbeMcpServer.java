package io.agentobs.claudecode.testsupport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tiny stdio MCP server for tests with the real CLI: one tool, {@code echo}, that answers
 * {@code probe-echo: <text>}. Run as a process of the test JVM's {@code java} with its
 * class path ({@link #command()}).
 */
public final class ProbeMcpServer {

	/** What the tool answers before the echoed text. */
	public static final String ECHO_PREFIX = "probe-echo: ";

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private ProbeMcpServer() {
	}

	/**
	 * The command line that starts the server.
	 * @return the executable followed by its arguments
	 */
	public static List<String> command() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ProbeMcpServer.class.getName());
		return command;
	}

	public static void main(String[] args) throws Exception {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode request = MAPPER.readTree(line);
			if (!request.has("id")) {
				continue;
			}
			ObjectNode response = MAPPER.createObjectNode().put("jsonrpc", "2.0");
			response.set("id", request.get("id"));
			ObjectNode result = response.putObject("result");
			switch (request.path("method").asText()) {
				case "initialize" -> {
					result.put("protocolVersion", request.at("/params/protocolVersion").asText("2025-06-18"));
					result.putObject("capabilities").putObject("tools");
					result.putObject("serverInfo").put("name", "probe").put("version", "1.0.0");
				}
				case "tools/list" -> {
					ObjectNode tool = result.putArray("tools").addObject();
					tool.put("name", "echo").put("description", "Echoes a text");
					ObjectNode schema = tool.putObject("inputSchema").put("type", "object");
					schema.putObject("properties").putObject("text").put("type", "string");
					schema.putArray("required").add("text");
				}
				case "tools/call" -> result.putArray("content")
					.addObject()
					.put("type", "text")
					.put("text", ECHO_PREFIX + request.at("/params/arguments/text").asText());
				default -> {
					// ping and anything else: an empty result
				}
			}
			out.println(MAPPER.writeValueAsString(response));
		}
	}

}
