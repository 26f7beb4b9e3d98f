package io.agentobs.claudecode.instrumentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * Records the observations of a registry and renders them as an indented tree of
 * contextual names, children in start order, so tests can compare whole trees.
 */
public final class ObservationTree implements ObservationHandler<Observation.Context> {

	private final List<Observation.Context> started = new CopyOnWriteArrayList<>();

	private final Set<Observation.Context> stopped = ConcurrentHashMap.newKeySet();

	private ObservationTree() {
	}

	/**
	 * Records the observations of the given registry from now on.
	 */
	public static ObservationTree recordedBy(ObservationRegistry registry) {
		ObservationTree tree = new ObservationTree();
		registry.observationConfig().observationHandler(tree);
		return tree;
	}

	@Override
	public void onStart(Observation.Context context) {
		this.started.add(context);
	}

	@Override
	public void onStop(Observation.Context context) {
		this.stopped.add(context);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

	public String render() {
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
		tree.append("  ".repeat(depth)).append(context.getContextualName()).append('\n');
		for (Observation.Context child : this.started) {
			if (isParent(context, child)) {
				render(child, depth + 1, tree);
			}
		}
	}

	private static boolean isParent(Observation.Context parent, Observation.Context child) {
		return child.getParentObservation() != null
				&& Objects.equals(child.getParentObservation().getContextView(), parent);
	}

	/**
	 * The started contexts in start order.
	 */
	public List<Observation.Context> started() {
		return List.copyOf(this.started);
	}

	/**
	 * Whether the observation of the given context was stopped.
	 */
	public boolean isStopped(Observation.Context context) {
		return this.stopped.contains(context);
	}

	/**
	 * The contexts of the given type in start order.
	 */
	public <T extends Observation.Context> List<T> contexts(Class<T> type) {
		List<T> contexts = new ArrayList<>();
		this.started.stream().filter(type::isInstance).forEach((context) -> contexts.add(type.cast(context)));
		return contexts;
	}

}
