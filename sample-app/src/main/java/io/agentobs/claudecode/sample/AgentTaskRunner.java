package io.agentobs.claudecode.sample;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.AssistantMessage;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ContentBlock;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/**
 * Runs the agent task once at start-up, printing what the agent does, then the trace.
 */
@Component
class AgentTaskRunner implements CommandLineRunner {

	private static final Logger logger = LoggerFactory.getLogger(AgentTaskRunner.class);

	private final ClaudeCodeClient client;

	private final SampleProperties properties;

	private final TraceTreePrinter traceTreePrinter;

	AgentTaskRunner(ClaudeCodeClient client, SampleProperties properties, TraceTreePrinter traceTreePrinter) {
		this.client = client;
		this.properties = properties;
		this.traceTreePrinter = traceTreePrinter;
	}

	@Override
	public void run(String... args) {
		System.out.println("Agent task: " + this.properties.prompt());
		try (ClaudeCodeRun run = this.client.query(this.properties.prompt())) {
			for (ClaudeMessage message : run) {
				print(message);
			}
		}
		catch (RuntimeException ex) {
			logger.error("The agent run failed", ex);
		}
		this.traceTreePrinter.printTrace();
	}

	private void print(ClaudeMessage message) {
		if (message instanceof AssistantMessage assistant) {
			String who = (assistant.parentToolUseId() != null) ? "  subagent" : "agent";
			for (ContentBlock block : assistant.content()) {
				if (block instanceof ContentBlock.Text text) {
					System.out.println(who + " says: " + text.text());
				}
				else if (block instanceof ContentBlock.ToolUse toolUse) {
					System.out.println(who + " calls " + toolUse.name() + " " + toolUse.input());
				}
			}
		}
		else if (message instanceof UserMessage user) {
			for (ContentBlock.ToolResult result : user.toolResults()) {
				String content = (result.content() != null && result.content().isTextual())
						? result.content().asText() : String.valueOf(result.content());
				System.out.println("  tool output" + (result.isError() ? " (error)" : "") + ": "
						+ abbreviate(content));
			}
		}
		else if (message instanceof ResultMessage result) {
			System.out.println("result: " + result.subtype() + (result.isError() ? " (error)" : "") + ", "
					+ result.numTurns() + " turns, $" + result.totalCostUsd() + ": " + result.result());
		}
	}

	private static String abbreviate(String text) {
		String line = text.replace('\n', ' ');
		return (line.length() > 160) ? line.substring(0, 160) + "..." : line;
	}

}
