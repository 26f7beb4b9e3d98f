package io.agentobs.claudecode.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample's agent task.
 *
 * @param prompt the task given to the agent
 * @param exitAfterRun whether the app exits once the task ran and its trace was printed
 * @param slowPrompt a slow task the app keeps running, one run after another, when it does
 * not exit after the first task, so that {@code /actuator/agentruns} shows a run in progress;
 * empty for none
 */
@ConfigurationProperties("sample")
public record SampleProperties(String prompt, boolean exitAfterRun, String slowPrompt) {
}
