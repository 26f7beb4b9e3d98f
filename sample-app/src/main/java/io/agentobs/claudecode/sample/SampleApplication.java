package io.agentobs.claudecode.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot app that runs a Claude Code agent task and prints the trace it produced.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, args);
		if (context.getBean(SampleProperties.class).exitAfterRun()) {
			System.exit(SpringApplication.exit(context));
		}
	}

}
