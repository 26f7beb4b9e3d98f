package io.agentobs.claudecode.metrics;

import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.docs.MeterDocumentation;

/**
 * Meters recorded for agent runs besides the observation timers: the GenAI client metrics
 * of the OpenTelemetry semantic conventions, with their explicit bucket boundaries, and the
 * estimated cost.
 */
public enum GenAiMeterDocumentation implements MeterDocumentation {

	/**
	 * Tokens used per model call, by token type, tagged with the low cardinality keys of the
	 * {@code chat} observation.
	 */
	TOKEN_USAGE {
		@Override
		public String getName() {
			return GenAiMeterNames.TOKEN_USAGE;
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.DISTRIBUTION_SUMMARY;
		}

		@Override
		public String getBaseUnit() {
			return "{token}";
		}

		@Override
		public KeyName[] getKeyNames() {
			return TokenUsageKeyNames.values();
		}
	},

	/**
	 * Duration of a model call in seconds, tagged with the low cardinality keys of the
	 * {@code chat} observation.
	 */
	OPERATION_DURATION {
		@Override
		public String getName() {
			return GenAiMeterNames.OPERATION_DURATION;
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.TIMER;
		}
	},

	/**
	 * Time from a model request to the first chunk of its streamed response, in seconds,
	 * tagged with the low cardinality keys of the {@code chat} observation.
	 */
	TIME_TO_FIRST_CHUNK {
		@Override
		public String getName() {
			return GenAiMeterNames.TIME_TO_FIRST_CHUNK;
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.TIMER;
		}
	},

	/**
	 * Estimated cost of agent runs in USD, as reported by the CLI.
	 */
	COST {
		@Override
		public String getName() {
			return "claude_code.cost";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}

		@Override
		public String getBaseUnit() {
			return "usd";
		}
	},

	/**
	 * Permission decisions on tool calls, tagged by tool name and decision.
	 */
	PERMISSION_DECISIONS {
		@Override
		public String getName() {
			return "claude_code.permission.decisions";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}

		@Override
		public String getBaseUnit() {
			return "{decision}";
		}

		@Override
		public KeyName[] getKeyNames() {
			return PermissionDecisionsKeyNames.values();
		}
	},

	/**
	 * Tool calls the CLI refused without asking ({@code system/permission_denied}), tagged
	 * {@code gen_ai.tool.name} and {@code gen_ai.agent.name}.
	 */
	PERMISSION_DENIALS {
		@Override
		public String getName() {
			return "claude_code.permission.denials";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}

		@Override
		public String getBaseUnit() {
			return "{denial}";
		}
	},

	/**
	 * The utilization of a rate limit as the CLI last reported it ({@code rate_limit_event}),
	 * tagged with the rate limit.
	 */
	RATE_LIMIT_UTILIZATION {
		@Override
		public String getName() {
			return "claude_code.rate_limit.utilization";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.GAUGE;
		}

		@Override
		public KeyName[] getKeyNames() {
			return RateLimitKeyNames.values();
		}
	};

	/**
	 * Semantic conventions bucket boundaries of {@link #TOKEN_USAGE}.
	 */
	static final double[] TOKEN_USAGE_BUCKETS = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576,
			4194304, 16777216, 67108864 };

	/**
	 * Semantic conventions bucket boundaries of {@link #OPERATION_DURATION}, in seconds.
	 */
	static final double[] OPERATION_DURATION_BUCKETS = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12,
			10.24, 20.48, 40.96, 81.92 };

	/**
	 * Key names of {@link #PERMISSION_DECISIONS}.
	 */
	public enum PermissionDecisionsKeyNames implements KeyName {

		/**
		 * The tool name.
		 */
		TOOL_NAME {
			@Override
			public String asString() {
				return "gen_ai.tool.name";
			}
		},

		/**
		 * The decision: {@code allow}, {@code allow_modified}, {@code deny} or
		 * {@code deny_interrupt}.
		 */
		DECISION {
			@Override
			public String asString() {
				return "claude_code.permission.decision";
			}
		}

	}

	/**
	 * Key names of {@link #TOKEN_USAGE} besides those of the {@code chat} observation.
	 */
	public enum TokenUsageKeyNames implements KeyName {

		/**
		 * The token type, {@code input} or {@code output}.
		 */
		TOKEN_TYPE {
			@Override
			public String asString() {
				return "gen_ai.token.type";
			}
		}

	}

	/**
	 * Key names of {@link #RATE_LIMIT_UTILIZATION}.
	 */
	public enum RateLimitKeyNames implements KeyName {

		/**
		 * The rate limit, for example {@code five_hour} or {@code seven_day}.
		 */
		RATE_LIMIT_TYPE {
			@Override
			public String asString() {
				return "claude_code.rate_limit.type";
			}
		}

	}

}
