package io.agentobs.claudecode.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.data.SpanData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs many queries at once, half of them consumed inside a request span of their own, and
 * checks that every exported trace has exactly the run's tree: no span under another run's
 * agent, no chat or tool under a request span.
 */
public final class ConcurrentRuns {

	private ConcurrentRuns() {
	}

	/**
	 * Runs the queries and checks the traces.
	 * @param tracing the tracing the client is observed with
	 * @param spans supplies the exported spans
	 * @param client the observed client
	 * @param runs the number of runs
	 * @param prompt the prompt of run {@code i}
	 * @param tree the expected tree of one run, as rendered by {@link SpanTree}
	 */
	public static void runAndCheck(OtelTracingFixture tracing, java.util.function.Supplier<List<SpanData>> spans,
			ClaudeCodeClient client, int runs, IntFunction<String> prompt, String tree) throws Exception {
		Tracer tracer = tracing.tracer();
		ExecutorService executor = Executors.newFixedThreadPool(runs);
		try {
			List<CompletableFuture<ResultMessage>> results = new ArrayList<>();
			for (int i = 0; i < runs; i++) {
				int run = i;
				results.add(CompletableFuture.supplyAsync(() -> {
					if (run % 2 == 0) {
						return consume(client, prompt.apply(run));
					}
					Span request = tracer.nextSpan().name("request " + run).start();
					try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
						return consume(client, prompt.apply(run));
					}
					finally {
						request.end();
					}
				}, executor));
			}
			CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
			assertThat(results).allSatisfy((result) -> assertThat(result.join().isError()).isFalse());
		}
		finally {
			executor.shutdownNow();
		}
		Map<String, List<SpanData>> traces = spans.get()
			.stream()
			.collect(Collectors.groupingBy(SpanData::getTraceId));
		assertThat(traces).hasSize(runs);
		Map<String, Long> trees = traces.values()
			.stream()
			.map((trace) -> SpanTree.render(trace).replaceAll("request \\d+", "request"))
			.collect(Collectors.groupingBy((rendered) -> rendered, Collectors.counting()));
		assertThat(trees).containsOnly(Map.entry(tree, (long) (runs - runs / 2)),
				Map.entry("request\n" + tree.indent(2), (long) (runs / 2)));
	}

	private static ResultMessage consume(ClaudeCodeClient client, String prompt) {
		try (ClaudeCodeRun run = client.query(prompt)) {
			return run.awaitResult();
		}
	}

}
