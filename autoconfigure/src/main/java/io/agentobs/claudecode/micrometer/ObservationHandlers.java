package io.agentobs.claudecode.micrometer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * The handlers Micrometer notifies for an observation ({@link LibraryInternals#handlers}),
 * read so that the handlers a failing filter or handler kept from a notification can be
 * notified directly. Micrometer notifies
 * them in registration order on start and scope opening, in reverse order on stop and scope
 * closing, and stops at the first that throws.
 */
@SuppressWarnings({ "rawtypes", "unchecked" })
final class ObservationHandlers {

	private static final String SIMPLE_OBSERVATION = "io.micrometer.observation.SimpleObservation";

	private ObservationHandlers() {
	}

	/**
	 * The handlers of an observation, in registration order.
	 * @param observation the observation (a guarded one is unwrapped)
	 * @return the handlers, empty when they cannot be read
	 */
	static List<ObservationHandler> of(Observation observation) {
		Observation target = (observation instanceof GuardedObservation guarded) ? guarded.delegate() : observation;
		return LibraryInternals.handlers(target);
	}

	/**
	 * The same handlers in reverse order.
	 * @param handlers the handlers in registration order
	 * @return a reversed copy
	 */
	static List<ObservationHandler> reversed(List<ObservationHandler> handlers) {
		List<ObservationHandler> reversed = new ArrayList<>(handlers);
		Collections.reverse(reversed);
		return reversed;
	}

	/**
	 * The handlers a failure kept from a notification: those after the one that threw (all
	 * of them when the failure came from elsewhere, a filter say).
	 * @param inNotificationOrder the handlers in the order of the notification
	 * @param failure what the notification threw
	 * @return the handlers not notified
	 */
	static List<ObservationHandler> notReached(List<ObservationHandler> inNotificationOrder, Throwable failure) {
		int failed = failedAt(inNotificationOrder, failure);
		return inNotificationOrder.subList(failed + 1, inNotificationOrder.size());
	}

	/**
	 * The handlers a failure let be notified: those before the one that threw (none when the
	 * failure came from elsewhere).
	 * @param inNotificationOrder the handlers in the order of the notification
	 * @param failure what the notification threw
	 * @return the handlers notified
	 */
	static List<ObservationHandler> reached(List<ObservationHandler> inNotificationOrder, Throwable failure) {
		return inNotificationOrder.subList(0, Math.max(0, failedAt(inNotificationOrder, failure)));
	}

	/**
	 * Notifies each handler on its own, logging and swallowing failures.
	 * @param handlers the handlers
	 * @param what what they are told, for the log
	 * @param notification the notification
	 */
	static void notifyEach(List<ObservationHandler> handlers, String what, Consumer<ObservationHandler> notification) {
		for (ObservationHandler handler : handlers) {
			InstrumentationFailures.run("telling an observation handler " + what, () -> notification.accept(handler));
		}
	}

	/** The index of the handler whose class is on the failure's stack above Micrometer's. */
	private static int failedAt(List<ObservationHandler> handlers, Throwable failure) {
		List<String> frames = new ArrayList<>();
		for (StackTraceElement frame : failure.getStackTrace()) {
			if (frame.getClassName().startsWith(SIMPLE_OBSERVATION)) {
				break;
			}
			frames.add(frame.getClassName());
		}
		for (int i = 0; i < handlers.size(); i++) {
			if (frames.contains(handlers.get(i).getClass().getName())) {
				return i;
			}
		}
		return -1;
	}

}
