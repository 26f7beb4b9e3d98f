package io.agentobs.claudecode.sample;

import java.time.Duration;

import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeRun;
import io.agentobs.claudecode.client.message.ResultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the app keeps running after its first task, runs a slow agent task (a shell command
 * that takes seconds) again and again in the background, so that there is a run in progress
 * to look at with {@code GET /actuator/agentruns} and to stop with
 * {@code DELETE /actuator/agentruns/{id}}.
 */
@Component
@ConditionalOnExpression("!${sample.exit-after-run:true} && '${sample.slow-prompt:}' != ''")
class SlowAgentTasks implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SlowAgentTasks.class);

	private static final Duration PAUSE = Duration.ofSeconds(3);

	private final ClaudeCodeClient client;

	private final String prompt;

	private final Thread thread = new Thread(this::runTasks, "slow-agent-tasks");

	private volatile boolean stopped;

	SlowAgentTasks(ClaudeCodeClient client, SampleProperties properties) {
		this.client = client;
		this.prompt = properties.slowPrompt();
		this.thread.setDaemon(true);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		logger.info("Running a slow agent task in the background; see it with "
				+ "curl localhost:8080/actuator/agentruns");
		this.thread.start();
	}

	private void runTasks() {
		while (!this.stopped) {
			try (ClaudeCodeRun run = this.client.query(this.prompt)) {
				ResultMessage result = run.awaitResult();
				logger.info("Slow agent task ended: {}", result.subtype());
			}
			catch (RuntimeException ex) {
				logger.info("Slow agent task ended: {}", ex.getMessage());
			}
			try {
				Thread.sleep(PAUSE.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	@Override
	public void destroy() {
		this.stopped = true;
		this.thread.interrupt();
	}

}
