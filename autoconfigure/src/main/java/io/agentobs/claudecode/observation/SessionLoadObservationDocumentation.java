package io.agentobs.claudecode.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documentation of the observation of a stored session's load before a resume,
 * {@code claude_code.session_store.load}.
 */
public enum SessionLoadObservationDocumentation implements ObservationDocumentation {

	/**
	 * The load of a stored session's transcript from the session store.
	 */
	SESSION_LOAD {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	};

	/**
	 * Low cardinality key names, also used as metric tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The failure's class name, {@code none} when the load succeeded.
		 */
		ERROR_TYPE("error.type");

		private final String key;

		LowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * High cardinality key names, on spans only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The session loaded.
		 */
		CONVERSATION_ID("gen_ai.conversation.id"),

		/**
		 * How many transcript entries were loaded, its subagents' included.
		 */
		ENTRIES("claude_code.session_store.entries"),

		/**
		 * The size of the loaded entries' JSON lines.
		 */
		BYTES("claude_code.session_store.bytes");

		private final String key;

		HighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * The convention of the load's observation: named {@code claude_code.session_store.load}.
	 */
	public static class DefaultConvention implements ObservationConvention<SessionLoadObservationContext> {

		/**
		 * The observation's name.
		 */
		public static final String NAME = "claude_code.session_store.load";

		@Override
		public String getName() {
			return NAME;
		}

		@Override
		public String getContextualName(SessionLoadObservationContext context) {
			return NAME;
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(SessionLoadObservationContext context) {
			return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE,
					ConventionSupport.valueOrNone(context.getErrorType())));
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(SessionLoadObservationContext context) {
			KeyValues values = KeyValues.of(KeyValue.of(HighCardinalityKeyNames.ENTRIES, Long.toString(context.getEntries())),
					KeyValue.of(HighCardinalityKeyNames.BYTES, Long.toString(context.getBytes())));
			return ConventionSupport.hasText(context.getSessionId())
					? values.and(KeyValue.of(HighCardinalityKeyNames.CONVERSATION_ID, context.getSessionId())) : values;
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof SessionLoadObservationContext;
		}

	}

}
