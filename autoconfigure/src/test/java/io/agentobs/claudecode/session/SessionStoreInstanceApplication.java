package io.agentobs.claudecode.session;

import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.ClaudeCodeSession;
import io.agentobs.claudecode.client.message.Json;
import io.agentobs.claudecode.client.message.ResultMessage;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * One instance of a user's application with a session store, run as a JVM of its own by
 * {@link SessionStoreInstancesIT}: nothing but the starter's auto-configuration,
 * {@code claude-code.sessions.store=jdbc} and a {@code DataSource} from the
 * {@code spring.datasource.*} properties it is started with. It runs one turn, a new
 * conversation ({@code --instance.prompt}) or the next turn of a stored one
 * ({@code --instance.resume=<session id>}), closes the application and exits.
 * <p>
 * On standard output it prints every span its tracer exported ({@value #SPAN_LINE} and the
 * span as JSON: {@code name}, {@code traceId}, {@code attributes}) and, last, the turn's
 * session id ({@value #SESSION_LINE}). It exits with status 1 after a failure.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SessionStoreInstanceApplication {

	/** The prefix of the line with the turn's session id. */
	public static final String SESSION_LINE = "instance-session-id=";

	/** The prefix of the line of one exported span. */
	public static final String SPAN_LINE = "instance-span=";

	public static void main(String[] args) {
		try {
			String sessionId = runOneTurn(args);
			System.out.println(SESSION_LINE + sessionId);
			System.out.flush();
			System.exit(0);
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

	private static String runOneTurn(String[] args) {
		SpringApplication application = new SpringApplication(SessionStoreInstanceApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// Closing the context exports the spans still batched.
		try (ConfigurableApplicationContext context = application.run(args)) {
			Environment environment = context.getEnvironment();
			ClaudeCodeClient client = context.getBean(ClaudeCodeClient.class);
			String prompt = environment.getRequiredProperty("instance.prompt");
			String resume = environment.getProperty("instance.resume");
			ResultMessage result;
			if (resume == null) {
				try (ClaudeCodeRun run = client.query(prompt)) {
					result = run.awaitResult();
				}
			}
			else {
				try (ClaudeCodeSession session = client.resumeSession(resume, null);
						ClaudeCodeRun run = session.send(prompt)) {
					result = run.awaitResult();
				}
			}
			if (result.isError()) {
				throw new IllegalStateException("The turn failed: " + result);
			}
			return result.sessionId();
		}
	}

	@Bean
	SpanExporter standardOutputSpanExporter() {
		return new StandardOutputSpanExporter(System.out);
	}

	/**
	 * Writes each exported span as one line: {@value #SPAN_LINE} and the span as JSON.
	 */
	static final class StandardOutputSpanExporter implements SpanExporter {

		private final PrintStream out;

		StandardOutputSpanExporter(PrintStream out) {
			this.out = out;
		}

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			for (SpanData span : spans) {
				Map<String, Object> attributes = new LinkedHashMap<>();
				span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("name", span.getName());
				line.put("traceId", span.getTraceId());
				line.put("attributes", attributes);
				try {
					this.out.println(SPAN_LINE + Json.mapper().writeValueAsString(line));
				}
				catch (JsonProcessingException ex) {
					return CompletableResultCode.ofFailure();
				}
			}
			this.out.flush();
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			this.out.flush();
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
