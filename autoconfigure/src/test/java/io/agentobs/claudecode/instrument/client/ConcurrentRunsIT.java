package io.agentobs.claudecode.instrument.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.scripted.Scenario;
import io.agentobs.claudecode.scripted.ScriptedAnthropicApi;
import io.agentobs.claudecode.testsupport.ConcurrentRuns;
import io.agentobs.claudecode.testsupport.HermeticCliEnvironment;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.OtelTracingFixture;
import io.agentobs.claudecode.testsupport.ScriptedCli;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent runs of the real CLI (a tool call each) against the scripted API, half of them
 * consumed inside a request span: every trace has exactly its run's tree.
 */
@Timeout(180)
class ConcurrentRunsIT {

	/**
	 * As many real CLIs as a 2-core machine shared with other builds runs in well under a
	 * minute (each CLI takes about a second of CPU to start).
	 */
	private static final int RUNS = Integer.getInteger("concurrent-runs", 24);

	@TempDir
	Path workingDirectory;

	@RegisterExtension
	final HermeticCliEnvironment cliHome = HermeticCliEnvironment.create();

	private final ScriptedAnthropicApi api = ScriptedAnthropicApi.start();

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final OtelTracingFixture tracing = OtelTracingFixture.inMemory(this.exporter);

	private final ObservationTree observations = ObservationTree.of(this.tracing.registry());

	@AfterEach
	void close() {
		this.tracing.close();
		this.api.close();
	}

	@Test
	void concurrentRealCliRunsHalfInsideRequestSpansEachExportTheirOwnTree() throws Exception {
		ClaudeCodeOptions defaults = ScriptedCli.options(this.api, this.cliHome, this.workingDirectory)
			.environmentVariable("CLAUDE_CODE_MAX_RETRIES", "0")
			.allowedTools(List.of("Bash"))
			.runTimeout(Duration.ofSeconds(150))
			.build();
		ClaudeCodeClient client = ClaudeCodeObservations.observe(CliClaudeCodeClient.builder().defaultOptions(defaults).build(),
				this.tracing.registry(), "claude-code");
		ConcurrentRuns.runAndCheck(this.tracing, this.exporter::getFinishedSpanItems, client, RUNS,
				(run) -> Scenario.TOOL_CALL.prompt("Run " + run + "."), """
						invoke_agent claude-code
						  chat claude-sonnet-4-5
						  execute_tool Bash
						  chat claude-sonnet-4-5
						""");
		assertThat(this.observations.notStoppedExactlyOnce()).isEmpty();
	}

}
