package io.agentobs.claudecode.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample's agent task.
 *
 * @param prompt the task given to the agent
 * @param exitAfterRun whether the app exits once the task ran and its trace was printed
 */
@ConfigurationProperties("sample")
public record SampleProperties(String prompt, boolean exitAfterRun) {
}
