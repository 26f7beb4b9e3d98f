package io.agentobs.claudecode.metrics;

import io.agentobs.claudecode.actuate.AgentRunRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Registers the gauge {@code claude_code.runs.active}: the agent runs in progress, one time
 * series per agent ({@code gen_ai.agent.name}), added when an agent's first run starts.
 */
public class RunningAgentRunsMeterBinder implements MeterBinder {

	/**
	 * Name of the gauge.
	 */
	public static final String METER_NAME = "claude_code.runs.active";

	private final AgentRunRegistry runs;

	public RunningAgentRunsMeterBinder(AgentRunRegistry runs) {
		this.runs = runs;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.runs.onNewAgent((agentName) -> Gauge
			.builder(METER_NAME, this.runs, (runs) -> runs.runningCount(agentName))
			.description("Agent runs in progress")
			.tag("gen_ai.agent.name", agentName)
			.strongReference(true)
			.register(registry));
	}

}
