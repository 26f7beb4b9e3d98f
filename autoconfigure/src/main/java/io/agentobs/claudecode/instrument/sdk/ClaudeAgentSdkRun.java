package io.agentobs.claudecode.instrument.sdk;

import java.util.Objects;

import io.agentobs.claudecode.instrument.AgentMessageAdapter;
import io.agentobs.claudecode.instrument.RunMessageObserver;
import io.agentobs.claudecode.micrometer.InstrumentationFailures;
import io.agentobs.claudecode.observation.AgentErrorType;
import io.agentobs.claudecode.observation.AgentRunFailedException;
import io.agentobs.claudecode.run.AgentRunRecorder;
import org.springaicommunity.claude.agent.sdk.types.AssistantMessage;
import org.springaicommunity.claude.agent.sdk.types.Message;
import org.springaicommunity.claude.agent.sdk.types.ResultMessage;

/**
 * One observed turn of an SDK client: feeds its messages to the adapter and ends it once.
 * <p>
 * The SDK drops the {@code model} of assistant messages, so the CLI's synthetic API-error
 * message ({@code model: "<synthetic>"}) looks like a model answer. A text-only assistant
 * message is therefore held back until the next message: when that is a failed result with
 * the same text, the message was synthetic and gets no chat.
 */
final class ClaudeAgentSdkRun implements RunMessageObserver<Message> {

	private final AgentMessageAdapter<Message> adapter;

	private final AgentRunRecorder recorder;

	private AssistantMessage heldBack;

	ClaudeAgentSdkRun(AgentMessageAdapter<Message> adapter, AgentRunRecorder recorder) {
		this.adapter = adapter;
		this.recorder = recorder;
	}

	AgentRunRecorder recorder() {
		return this.recorder;
	}

	boolean isFinished() {
		return this.recorder.isFinished();
	}

	/**
	 * Records one message of the turn, on whatever thread delivers it.
	 * @param message the message
	 */
	synchronized void record(Message message) {
		InstrumentationFailures.run("recording an agent message", () -> {
			AssistantMessage previous = this.heldBack;
			this.heldBack = null;
			if (previous != null && !isSyntheticError(previous, message)) {
				this.adapter.record(previous, this.recorder);
			}
			if (message instanceof AssistantMessage assistant && !assistant.hasToolUse()) {
				this.heldBack = assistant;
			}
			else {
				this.adapter.record(message, this.recorder);
			}
		});
	}

	/**
	 * Ends the turn with an error if it has not ended yet.
	 * @param error the failure
	 */
	synchronized void failed(Throwable error) {
		InstrumentationFailures.run("ending a failed agent run", () -> {
			flush();
			this.recorder.failed(error);
		});
	}

	/**
	 * Ends the turn with an error of the given type if it has not ended yet.
	 * @param errorType the {@code error.type}
	 * @param message the error message
	 */
	void failed(String errorType, String message) {
		failed(new AgentRunFailedException(errorType, message));
	}

	@Override
	public void onMessage(Message message) {
		record(message);
	}

	@Override
	public void onFailure(Throwable error) {
		failed(error);
	}

	@Override
	public void onEnd() {
		failed(AgentErrorType.NO_RESULT.value(), "The turn's messages ended without a result");
	}

	/**
	 * Ends the turn without an error: the consumer cancelled it.
	 */
	synchronized void abandoned() {
		InstrumentationFailures.run("ending an abandoned agent run", () -> {
			flush();
			this.recorder.abandoned();
		});
	}

	private void flush() {
		AssistantMessage previous = this.heldBack;
		this.heldBack = null;
		if (previous != null) {
			this.adapter.record(previous, this.recorder);
		}
	}

	private static boolean isSyntheticError(AssistantMessage assistant, Message next) {
		return next instanceof ResultMessage result && result.isError()
				&& Objects.equals(result.result(), assistant.text());
	}

}
