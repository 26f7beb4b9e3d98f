package io.agentobs.claudecode.instrument.client;

import io.agentobs.claudecode.client.ClaudeMessageListener;
import io.agentobs.claudecode.client.message.ClaudeMessage;

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

	@Override
	public void onMessage(ClaudeMessage message) {
		ArrivalRecorder turn = this.current;
		if (turn != null) {
			turn.onMessage(message);
		}
	}

}
