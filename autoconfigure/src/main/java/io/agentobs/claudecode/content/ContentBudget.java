package io.agentobs.claudecode.content;

import java.util.concurrent.atomic.AtomicLong;

import io.agentobs.claudecode.observation.AgentInvocationObservationContext;
import io.agentobs.claudecode.observation.ChatObservationContext;
import io.agentobs.claudecode.observation.ToolExecutionObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;

/**
 * How much recorded content one span and one run may hold, so that a recorded run fits in
 * what Sentry accepts (sentry-java sends a run's spans in one transaction, and Sentry drops
 * an event over 1 MB whole, usage included). Only content is cut: key values that are not
 * content (usage, status, ids) are never touched.
 * <p>
 * The content attributes of a span share the span's budget; the content of a run's chats,
 * tools and subagents shares the run's budget, spent in the order the spans end. The
 * top-level agent's own content (prompt, system prompt, final result) is outside the run's
 * budget, so that it is kept however long the run. Once a budget is spent, each further
 * content attribute is still recorded, cut to {@value #FLOOR} characters (valid JSON with the
 * truncation marker), so a run holds at most its budget plus {@value #FLOOR} characters per
 * content attribute.
 */
public final class ContentBudget {

	/**
	 * No span or run budget: only the attribute limit applies.
	 */
	public static final ContentBudget NONE = new ContentBudget(Integer.MAX_VALUE, Long.MAX_VALUE);

	/**
	 * The length a content attribute gets when its span's or run's budget is spent.
	 */
	public static final int FLOOR = 256;

	private static final int MAX_PARENT_DEPTH = 64;

	private final int maxSpanLength;

	private final long maxRunLength;

	/**
	 * Create a budget.
	 * @param maxSpanLength the content characters one span may hold, all its content
	 * attributes together
	 * @param maxRunLength the content characters a run's chats, tools and subagents may hold
	 */
	public ContentBudget(int maxSpanLength, long maxRunLength) {
		if (maxSpanLength < FLOOR || maxRunLength < FLOOR) {
			throw new IllegalArgumentException("Content budgets must be at least " + FLOOR
					+ " characters but were " + maxSpanLength + " per span and " + maxRunLength + " per run");
		}
		this.maxSpanLength = maxSpanLength;
		this.maxRunLength = maxRunLength;
	}

	public int getMaxSpanLength() {
		return this.maxSpanLength;
	}

	public long getMaxRunLength() {
		return this.maxRunLength;
	}

	/**
	 * The length the next content attribute of the given span may have.
	 * @param context the context of a stopping agent observation
	 * @param maxAttributeLength the limit of any one attribute
	 * @return the allowed length, at most {@code maxAttributeLength}
	 */
	int allowance(Observation.Context context, int maxAttributeLength) {
		long allowed = Math.min(maxAttributeLength, spanRemaining(context));
		RunContent run = runContent(context);
		if (run != null) {
			allowed = Math.min(allowed, this.maxRunLength - run.used.get());
		}
		return (int) Math.max(allowed, Math.min(FLOOR, maxAttributeLength));
	}

	/**
	 * Record the content written to the given span.
	 * @param context the span's context
	 * @param length the characters written
	 */
	void spent(Observation.Context context, int length) {
		SpanContent span = context.computeIfAbsent(SpanContent.class, (key) -> new SpanContent());
		span.used += length;
		RunContent run = runContent(context);
		if (run != null) {
			run.used.addAndGet(length);
		}
	}

	private long spanRemaining(Observation.Context context) {
		SpanContent span = context.get(SpanContent.class);
		return this.maxSpanLength - ((span != null) ? span.used : 0);
	}

	/**
	 * The run's content state, kept in its top-level agent's context; {@code null} for the
	 * top-level agent itself, whose content is outside the run's budget.
	 */
	private static RunContent runContent(Observation.Context context) {
		Observation.ContextView root = null;
		ObservationView parent = context.getParentObservation();
		for (int depth = 0; parent != null && depth < MAX_PARENT_DEPTH; depth++) {
			Observation.ContextView view = parent.getContextView();
			if (!(view instanceof AgentInvocationObservationContext || view instanceof ChatObservationContext
					|| view instanceof ToolExecutionObservationContext)) {
				break;
			}
			if (view instanceof AgentInvocationObservationContext) {
				root = view;
			}
			parent = view.getParentObservation();
		}
		if (root == null) {
			return null;
		}
		RunContent run = root.get(RunContent.class);
		if (run == null && root instanceof Observation.Context rootContext) {
			run = rootContext.computeIfAbsent(RunContent.class, (key) -> new RunContent());
		}
		return run;
	}

	private static final class SpanContent {

		private int used;

	}

	private static final class RunContent {

		private final AtomicLong used = new AtomicLong();

	}

}
