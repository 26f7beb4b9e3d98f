package io.agentobs.claudecode.instrument.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.client.cli.CliClaudeCodeClient;
import io.agentobs.claudecode.testsupport.ConcurrentRuns;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.OtelTracingFixture;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many concurrent runs of a fake CLI that replays a real recording (a subagent run), without
 * network: every trace has exactly its run's tree and every observation stops once.
 */
@Timeout(120)
class ConcurrentFakeCliRunsTests {

	/**
	 * As many as a loaded 2-core machine runs in a few seconds (7 s); 1000
	 * ({@code -Dconcurrent-fake-runs=1000}) pass in about 40 s.
	 */
	private static final int RUNS = Integer.getInteger("concurrent-fake-runs", 200);

	@TempDir
	Path directory;

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final OtelTracingFixture tracing = OtelTracingFixture.inMemory(this.exporter);

	private final ObservationTree observations = ObservationTree.of(this.tracing.registry());

	@AfterEach
	void close() {
		this.tracing.close();
	}

	@Test
	void concurrentRunsHalfInsideRequestSpansEachExportTheirOwnTree() throws Exception {
		Path recording = Transcripts.copy("subagent-foreground.jsonl", this.directory);
		Path cli = this.directory.resolve("claude");
		Files.writeString(cli, "#!/bin/bash\nread -r line\ncat '" + recording + "'\ncat > /dev/null\n");
		Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwx------"));
		ClaudeCodeClient client = ClaudeCodeObservations.observe(
				CliClaudeCodeClient.builder().defaultOptions(ClaudeCodeOptions.builder().cliPath(cli).build()).build(),
				this.tracing.registry(), "claude-code");
		ConcurrentRuns.runAndCheck(this.tracing, this.exporter::getFinishedSpanItems, client, RUNS,
				(run) -> "run " + run, """
						invoke_agent claude-code
						  chat claude-sonnet-4-5
						  execute_tool Agent
						    invoke_agent general-purpose
						      chat claude-sonnet-4-5
						      execute_tool Bash
						  chat claude-sonnet-4-5
						""");
		assertThat(this.observations.notStoppedExactlyOnce()).isEmpty();
	}

}
