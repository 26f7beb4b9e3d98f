package io.agentobs.claudecode.client.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.ClaudeCodeProcessException;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.agentobs.claudecode.client.message.UserMessage;
import io.agentobs.claudecode.testsupport.FakeCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client reads lines of any size or depth the CLI writes, within limits far above
 * Jackson's defaults, and fails a run clearly, never silently, when a line is over them.
 */
@Timeout(60)
class LargeLinesTests {

	private static final int LARGE = 24 * 1024 * 1024;

	@TempDir
	Path directory;

	@Test
	void resultLineOf24MegabytesIsDelivered() throws IOException {
		String text = "x".repeat(LARGE);
		Path cli = cliPrinting(FakeCli.RESULT.replace("\"result\":\"hi\"", "\"result\":\"" + text + "\""));
		ResultMessage result = client(cli, StreamJsonLimits.DEFAULT).query("hello").awaitResult();
		assertThat(result.result()).hasSize(LARGE);
	}

	@Test
	void lineNestedDeeperThanJacksonsDefaultIsDelivered() throws IOException {
		int depth = 2500;
		String nested = "[".repeat(depth) + "\"deep\"" + "]".repeat(depth);
		String toolResult = "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
				+ "\"tool_use_id\":\"toolu_1\",\"content\":\"ok\"}]},\"tool_use_result\":" + nested
				+ ",\"parent_tool_use_id\":null,\"session_id\":\"" + FakeCli.SESSION_ID + "\"}";
		Path cli = cliPrinting(toolResult, FakeCli.RESULT);
		List<ClaudeMessage> messages = new ArrayList<>();
		try (ClaudeCodeRun run = client(cli, StreamJsonLimits.DEFAULT).query("hello")) {
			run.forEach(messages::add);
		}
		assertThat(messages).hasSize(3);
		assertThat(messages.get(1)).isInstanceOfSatisfying(UserMessage.class,
				(user) -> assertThat(user.toolResults()).hasSize(1));
		assertThat(messages.get(2)).isInstanceOf(ResultMessage.class);
	}

	@Test
	void lineLongerThanTheLimitFailsTheRunNamingTheLimit() throws IOException {
		Path cli = cliPrinting(FakeCli.RESULT.replace("\"result\":\"hi\"", "\"result\":\"" + "x".repeat(2048) + "\""));
		ClaudeCodeClient client = client(cli, new StreamJsonLimits(1024, 100));
		assertThatExceptionOfType(ClaudeCodeProcessException.class)
			.isThrownBy(() -> client.query("hello").awaitResult())
			.withMessageContaining("more than the client's limit of 1024")
			.withMessageContaining("claude-code.stream-json.max-line-length");
	}

	@Test
	void lineNestedDeeperThanTheLimitFailsTheRunNamingTheLimit() throws IOException {
		String nested = "[".repeat(200) + "]".repeat(200);
		Path cli = cliPrinting(FakeCli.RESULT.replace("\"result\":\"hi\"", "\"result\":\"hi\",\"deep\":" + nested));
		ClaudeCodeClient client = client(cli, new StreamJsonLimits(1024 * 1024, 100));
		assertThatExceptionOfType(ClaudeCodeProcessException.class)
			.isThrownBy(() -> client.query("hello").awaitResult())
			.withMessageContaining("max-nesting-depth 100")
			.withMessageContaining("claude-code.stream-json");
	}

	@Test
	void lineReaderSkipsALineOverTheLimitAndReadsOn() throws IOException {
		StreamJsonLineReader reader = new StreamJsonLineReader(
				new StringReader("short\r\n" + "y".repeat(20_000) + "\n\nlast"), 10_000);
		assertThat(reader.readLine()).isEqualTo("short");
		assertThatExceptionOfType(StreamJsonLineReader.LineTooLongException.class).isThrownBy(reader::readLine)
			.satisfies((ex) -> assertThat(ex.length()).isEqualTo(20_000));
		assertThat(reader.readLine()).isEmpty();
		assertThat(reader.readLine()).isEqualTo("last");
		assertThat(reader.readLine()).isNull();
	}

	private ClaudeCodeClient client(Path cli, StreamJsonLimits limits) {
		return CliClaudeCodeClient.builder()
			.defaultOptions(ClaudeCodeOptions.builder().cliPath(cli).build())
			.streamJsonLimits(limits)
			.build();
	}

	private Path cliPrinting(String... lines) throws IOException {
		Path output = this.directory.resolve("output.jsonl");
		Files.writeString(output, FakeCli.INIT + "\n" + String.join("\n", lines) + "\n");
		return FakeCli.script(this.directory, "read -r line\ncat " + output + "\ncat > /dev/null\n");
	}

}
