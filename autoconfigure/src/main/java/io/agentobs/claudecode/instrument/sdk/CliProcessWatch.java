package io.agentobs.claudecode.instrument.sdk;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.observation.AgentErrorType;

/**
 * Ends a turn with {@code error.type=cli_exited} when the SDK's CLI process exits before the
 * turn's result. The SDK 1.0.0 never completes its iterator or Flux in that case, so without
 * this the turn's observations would stay open forever.
 * <p>
 * The SDK does not expose its process ({@link SdkClientInternals#process}). Its transport
 * exists only once the client has connected, so the lookup is retried until the turn ends.
 * After the exit the turn gets a grace period in which a consumer may still read the result
 * the CLI wrote before it exited.
 */
final class CliProcessWatch {

	private static final Duration LOOKUP_INTERVAL = Duration.ofMillis(200);

	private final Duration grace;

	CliProcessWatch(Duration grace) {
		this.grace = grace;
	}

	/**
	 * Watches the CLI process of the given client for the given turn.
	 * @param client the SDK client (the proxy's target)
	 * @param run the turn
	 */
	void watch(Object client, ClaudeAgentSdkRun run) {
		InstrumentationFailures.run("watching the Claude Code CLI process", () -> {
			if (run.isFinished()) {
				return;
			}
			Optional<Process> process = SdkClientInternals.process(client);
			if (process.isPresent()) {
				process.get().onExit().thenRunAsync(() -> exited(process.get(), run), delayed(this.grace));
			}
			else {
				delayed(LOOKUP_INTERVAL).execute(() -> watch(client, run));
			}
		});
	}

	private void exited(Process process, ClaudeAgentSdkRun run) {
		run.failed(AgentErrorType.CLI_EXITED.value(), "The Claude Code CLI exited with code " + process.exitValue()
				+ " before the turn's result; the claude-code-sdk does not end its message stream in that case");
	}

	private static Executor delayed(Duration delay) {
		return CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);
	}

}
