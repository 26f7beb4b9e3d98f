package io.agentobs.claudecode.instrument.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.agentobs.claudecode.autoconfigure.ClaudeCodeObservabilityAutoConfiguration;
import io.agentobs.claudecode.client.ClaudeCodeClient;
import io.agentobs.claudecode.client.ClaudeCodeOptions;
import io.agentobs.claudecode.testsupport.ObservationTree;
import io.agentobs.claudecode.testsupport.ReplayedClaudeCodeClient;
import io.agentobs.claudecode.testsupport.Transcripts;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.NameMatchMethodPointcutAdvisor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;
import org.springframework.test.util.AopTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's advice proceeds through the other advisors of a user's client bean: a user's
 * {@code @Aspect} and a second advisor each run once per call, see the options the advice
 * set, and the trace is the same as without them.
 */
class UserAdvisorsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClaudeCodeObservabilityAutoConfiguration.class))
		.withUserConfiguration(ClientConfiguration.class);

	@Test
	void userAspectAndSecondAdvisorRunOncePerQueryAndSeeTheRunsListener() {
		this.contextRunner.withUserConfiguration(UserAdvisorsConfiguration.class).run((context) -> {
			ClaudeCodeClient client = context.getBean(ClaudeCodeClient.class);
			assertThat(((Advised) client).getAdvisors()).hasSizeGreaterThanOrEqualTo(3);
			QueryCounter aspect = context.getBean(QueryCounter.class);
			AtomicInteger advisorCalls = context.getBean(AdvisorCounter.class).calls;

			client.query("go", ClaudeCodeOptions.builder().model("claude-sonnet-4-5").build()).awaitResult();

			assertThat(aspect.calls).hasValue(1);
			assertThat(advisorCalls).hasValue(1);
			assertThat(aspect.seenOptions).singleElement()
				.satisfies((options) -> assertThat(options.getMessageListener()).isNotNull());
			ReplayedClaudeCodeClient target = AopTestUtils.getUltimateTargetObject(client);
			assertThat(target.queriedOptions).singleElement()
				.satisfies((options) -> assertThat(options.getModel()).isEqualTo("claude-sonnet-4-5"));
		});
	}

	@Test
	void queryWithoutOptionsIsObservedOnceAndEachAdvisorRunsOnce() {
		this.contextRunner.withUserConfiguration(UserAdvisorsConfiguration.class).run((context) -> {
			ObservationTree tree = ObservationTree.of(context.getBean(ObservationRegistry.class));
			context.getBean(ClaudeCodeClient.class).query("go").awaitResult();

			assertThat(context.getBean(QueryCounter.class).calls).hasValue(1);
			assertThat(context.getBean(AdvisorCounter.class).calls).hasValue(1);
			assertThat(tree.contexts(io.agentobs.claudecode.observation.AgentInvocationObservationContext.class))
				.hasSize(1);
			assertThat(tree.notStoppedExactlyOnce()).isEmpty();
		});
	}

	@Test
	void traceIsTheSameWithAndWithoutTheUsersAdvisors() {
		List<String> traces = new ArrayList<>();
		this.contextRunner.run((context) -> traces.add(trace(context.getBean(ClaudeCodeClient.class),
				context.getBean(ObservationRegistry.class))));
		this.contextRunner.withUserConfiguration(UserAdvisorsConfiguration.class)
			.run((context) -> traces.add(trace(context.getBean(ClaudeCodeClient.class),
					context.getBean(ObservationRegistry.class))));
		assertThat(traces).hasSize(2);
		assertThat(traces.get(0)).contains("invoke_agent", "chat", "execute_tool");
		assertThat(traces.get(1)).isEqualTo(traces.get(0));
	}

	private static String trace(ClaudeCodeClient client, ObservationRegistry registry) {
		ObservationTree tree = ObservationTree.of(registry);
		client.query("go", null).awaitResult();
		assertThat(tree.notStoppedExactlyOnce()).isEmpty();
		return tree.render();
	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConfiguration {

		@Bean
		ObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

		@Bean
		ReplayedClaudeCodeClient claudeCodeClient() throws IOException {
			return new ReplayedClaudeCodeClient(Transcripts.parse("tool-call.jsonl"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAspectJAutoProxy
	static class UserAdvisorsConfiguration {

		@Bean
		QueryCounter queryCounter() {
			return new QueryCounter();
		}

		@Bean
		AdvisorCounter advisorCounter() {
			return new AdvisorCounter();
		}

		@Bean
		Advisor countingAdvisor(AdvisorCounter counter) {
			return new NameMatchMethodPointcutAdvisor((MethodInterceptor) (invocation) -> {
				if (invocation.getThis() instanceof ClaudeCodeClient) {
					counter.calls.incrementAndGet();
				}
				return invocation.proceed();
			}) {
				{
					setMappedName("query");
				}
			};
		}

	}

	/**
	 * A user's aspect around {@code ClaudeCodeClient.query}.
	 */
	@Aspect
	static class QueryCounter {

		final AtomicInteger calls = new AtomicInteger();

		final List<ClaudeCodeOptions> seenOptions = new ArrayList<>();

		@Around("execution(* io.agentobs.claudecode.client.ClaudeCodeClient.query(..))")
		Object count(ProceedingJoinPoint call) throws Throwable {
			this.calls.incrementAndGet();
			Object[] arguments = call.getArgs();
			if (arguments.length > 1) {
				this.seenOptions.add((ClaudeCodeOptions) arguments[1]);
			}
			return call.proceed();
		}

	}

	static class AdvisorCounter {

		final AtomicInteger calls = new AtomicInteger();

	}

}
