package io.agentobs.claudecode.instrumentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;

/**
 * Renders the observations of a {@link TestObservationRegistry} as an indented tree of
 * contextual names, children in start order, so tests can compare whole trees.
 */
public final class ObservationTree {

	private ObservationTree() {
	}

	public static String render(TestObservationRegistry registry) {
		List<Observation.Context> contexts = new ArrayList<>();
		registry.getContexts().forEach((context) -> contexts.add(context.getContext()));
		StringBuilder tree = new StringBuilder();
		for (Observation.Context context : contexts) {
			if (context.getParentObservation() == null
					|| contexts.stream().noneMatch((other) -> isParent(other, context))) {
				render(context, contexts, 0, tree);
			}
		}
		return tree.toString();
	}

	private static void render(Observation.Context context, List<Observation.Context> all, int depth,
			StringBuilder tree) {
		tree.append("  ".repeat(depth)).append(context.getContextualName()).append('\n');
		for (Observation.Context child : all) {
			if (isParent(context, child)) {
				render(child, all, depth + 1, tree);
			}
		}
	}

	private static boolean isParent(Observation.Context parent, Observation.Context child) {
		return child.getParentObservation() != null
				&& Objects.equals(child.getParentObservation().getContextView(), parent);
	}

	/**
	 * The contexts of the given type in start order.
	 */
	public static <T extends Observation.Context> List<T> contexts(TestObservationRegistry registry, Class<T> type) {
		List<T> contexts = new ArrayList<>();
		registry.getContexts().forEach((context) -> {
			if (type.isInstance(context.getContext())) {
				contexts.add(type.cast(context.getContext()));
			}
		});
		return contexts;
	}

}
