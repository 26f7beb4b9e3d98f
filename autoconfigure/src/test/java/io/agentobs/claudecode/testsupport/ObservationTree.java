package io.agentobs.claudecode.testsupport;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * Records the observations of a registry in start order and renders them as an indented tree
 * of contextual names, so tests can compare whole trees and check that every observation
 * stopped exactly once.
 */
public final class ObservationTree implements ObservationHandler<Observation.Context> {

	private final List<Observation.Context> started = new ArrayList<>();

	private final Map<Observation.Context, Integer> stops = new IdentityHashMap<>();

	private final List<Observation.Context> events = new ArrayList<>();

	/**
	 * Creates a tree recording the observations of the given registry.
	 */
	public static ObservationTree of(ObservationRegistry registry) {
		ObservationTree tree = new ObservationTree();
		registry.observationConfig().observationHandler(tree);
		return tree;
	}

	@Override
	public synchronized void onStart(Observation.Context context) {
		this.started.add(context);
		this.events.add(context);
	}

	@Override
	public synchronized void onStop(Observation.Context context) {
		this.stops.merge(context, 1, Integer::sum);
		this.events.add(context);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

	/**
	 * The tree of contextual names, children in start order.
	 */
	public synchronized String render() {
		StringBuilder tree = new StringBuilder();
		for (Observation.Context context : this.started) {
			if (context.getParentObservation() == null
					|| this.started.stream().noneMatch((other) -> isParent(other, context))) {
				render(context, 0, tree);
			}
		}
		return tree.toString();
	}

	private void render(Observation.Context context, int depth, StringBuilder tree) {
		tree.append("  ".repeat(depth)).append(nameOf(context)).append('\n');
		for (Observation.Context child : this.started) {
			if (isParent(context, child)) {
				render(child, depth + 1, tree);
			}
		}
	}

	private static String nameOf(Observation.Context context) {
		return (context.getContextualName() != null) ? context.getContextualName() : context.getName();
	}

	private static boolean isParent(Observation.Context parent, Observation.Context child) {
		return child.getParentObservation() != null
				&& Objects.equals(child.getParentObservation().getContextView(), parent);
	}

	/**
	 * The started contexts of the given type, in start order.
	 */
	public synchronized <T extends Observation.Context> List<T> contexts(Class<T> type) {
		return this.started.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * Starts and stops in the order they happened, as {@code +name} and {@code -name}.
	 */
	public synchronized List<String> events() {
		List<String> events = new ArrayList<>();
		Map<Observation.Context, Boolean> seen = new IdentityHashMap<>();
		for (Observation.Context context : this.events) {
			events.add((seen.put(context, Boolean.TRUE) == null ? "+" : "-") + nameOf(context));
		}
		return events;
	}

	/**
	 * The contexts that were not stopped exactly once.
	 */
	public synchronized List<String> notStoppedExactlyOnce() {
		return this.started.stream()
			.filter((context) -> this.stops.getOrDefault(context, 0) != 1)
			.map((context) -> nameOf(context) + " stopped " + this.stops.getOrDefault(context, 0) + "x")
			.toList();
	}

}
