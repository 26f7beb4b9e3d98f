package io.agentobs.claudecode.autoconfigure;

import io.agentobs.claudecode.sentry.SentryAgentObservationHandler;
import io.micrometer.observation.ObservationHandler;
import io.sentry.IScopes;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that records Claude Code agent observations as Sentry spans and failed
 * runs as Sentry errors. Active when the Sentry Spring Boot starter has configured Sentry
 * (it defines the {@link IScopes} bean only when {@code sentry.dsn} is set): Sentry's
 * {@code sentry-spring-boot-4} on Spring Boot 4, {@code sentry-spring-boot-jakarta} on Spring Boot 3. Boot's
 * observation auto-configuration adds the handler to the observation registry.
 */
@AutoConfiguration(afterName = {
		// sentry-spring-boot-4 (Spring Boot 4)
		"io.sentry.spring.boot4.SentryAutoConfiguration",
		// sentry-spring-boot-jakarta (Spring Boot 3)
		"io.sentry.spring.boot.jakarta.SentryAutoConfiguration" })
@ConditionalOnClass({ IScopes.class, ObservationHandler.class })
@ConditionalOnBean(IScopes.class)
@ConditionalOnProperty(prefix = "sentry.claude-code", name = "enabled", matchIfMissing = true)
public class ClaudeCodeSentryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SentryAgentObservationHandler sentryAgentObservationHandler(IScopes scopes, Environment environment) {
		return new SentryAgentObservationHandler(scopes,
				environment.getProperty("sentry.claude-code.legacy-attributes", Boolean.class, false));
	}

}
