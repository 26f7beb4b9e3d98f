package io.agentobs.claudecode.instrument.client;

import io.agentobs.claudecode.client.ClaudeMessageListener;
import io.agentobs.claudecode.client.message.ClaudeMessage;
import io.agentobs.claudecode.run.AgentRunEvents;

/**
 * The message listener of a session's CLI process: hands each arriving message to the
 * {@link ArrivalRecorder} of the session's current turn.
 */
final class SessionArrivalRouter implements ClaudeMessageListener {

	private volatile ArrivalRecorder current;

	/**
	 * Makes a turn the current one, before its prompt is sent.
	 * @param turn the turn's recorder of arriving messages
	 */
	void startTurn(ArrivalRecorder turn) {
		this.current = turn;
	}

	/**
	 * The events of the current turn.
	 * @return the events, {@code null} before the first turn
	 */
	AgentRunEvents currentEvents() {
		ArrivalRecorder turn = this.current;
		return (turn != null) ? turn.events() : null;
	}

	@Override
	public void onMessage(ClaudeMessage message) {
		ArrivalRecorder turn = this.current;
		if (turn != null) {
			turn.onMessage(message);
		}
	}

}
