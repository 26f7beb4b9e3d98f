package io.agentobs.claudecode.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.agentobs.claudecode.tools.ClaudeTool;
import io.agentobs.claudecode.tools.SpringAiTools;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the beans that are Java tools: {@link ClaudeTool} beans and, with Spring AI,
 * {@code ToolCallback} and {@code ToolCallbackProvider} beans and beans with {@code @Tool}
 * methods. Finding their names creates no bean; {@link #tools()} creates them.
 */
final class JavaToolBeans {

	static final String TOOL_CALLBACK = "org.springframework.ai.tool.ToolCallback";

	private static final String TOOL_CALLBACK_PROVIDER = "org.springframework.ai.tool.ToolCallbackProvider";

	private static final String TOOL_ANNOTATION = "org.springframework.ai.tool.annotation.Tool";

	private final ListableBeanFactory beanFactory;

	private final ClassLoader classLoader;

	private final boolean springAi;

	JavaToolBeans(ListableBeanFactory beanFactory, ClassLoader classLoader) {
		this.beanFactory = beanFactory;
		this.classLoader = classLoader;
		this.springAi = ClassUtils.isPresent(TOOL_CALLBACK, classLoader);
	}

	/**
	 * Whether any bean is a tool.
	 * @return {@code true} when there is a tool bean
	 */
	boolean any() {
		return names(ClaudeTool.class.getName()).length > 0 || (this.springAi && (names(TOOL_CALLBACK).length > 0
				|| names(TOOL_CALLBACK_PROVIDER).length > 0 || !toolObjectNames().isEmpty()));
	}

	/**
	 * The tools, in the order: {@link ClaudeTool} beans, {@code ToolCallback} beans,
	 * {@code ToolCallbackProvider} beans, {@code @Tool} methods.
	 * @return the tools
	 */
	List<ClaudeTool> tools() {
		List<ClaudeTool> tools = new ArrayList<>(this.beanFactory.getBeanProvider(ClaudeTool.class).orderedStream().toList());
		if (this.springAi) {
			tools.addAll(SpringAiToolBeans.tools(this.beanFactory, toolObjectNames()));
		}
		return tools;
	}

	private String[] names(String typeName) {
		Class<?> type = ClassUtils.resolveClassName(typeName, this.classLoader);
		return this.beanFactory.getBeanNamesForType(type, true, false);
	}

	private List<String> toolObjectNames() {
		Class<? extends java.lang.annotation.Annotation> tool = toolAnnotation();
		List<String> names = new ArrayList<>();
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type = this.beanFactory.getType(name, false);
			if (type != null && hasToolMethod(ClassUtils.getUserClass(type), tool)) {
				names.add(name);
			}
		}
		return names;
	}

	private static boolean hasToolMethod(Class<?> type, Class<? extends java.lang.annotation.Annotation> tool) {
		boolean[] found = new boolean[1];
		ReflectionUtils.doWithMethods(type, (method) -> found[0] = true,
				(method) -> !found[0] && AnnotatedElementUtils.hasAnnotation(method, tool));
		return found[0];
	}

	@SuppressWarnings("unchecked")
	private Class<? extends java.lang.annotation.Annotation> toolAnnotation() {
		return (Class<? extends java.lang.annotation.Annotation>) ClassUtils.resolveClassName(TOOL_ANNOTATION,
				this.classLoader);
	}

	/**
	 * The Spring AI tools, in a class of its own so that nothing loads Spring AI's types
	 * without it.
	 */
	private static final class SpringAiToolBeans {

		static List<ClaudeTool> tools(ListableBeanFactory beanFactory, List<String> toolObjectNames) {
			List<org.springframework.ai.tool.ToolCallback> callbacks = new ArrayList<>(
					beanFactory.getBeanProvider(org.springframework.ai.tool.ToolCallback.class).orderedStream().toList());
			beanFactory.getBeanProvider(org.springframework.ai.tool.ToolCallbackProvider.class)
				.orderedStream()
				.forEach((provider) -> callbacks.addAll(Arrays.asList(provider.getToolCallbacks())));
			List<ClaudeTool> tools = new ArrayList<>(SpringAiTools.of(callbacks));
			if (!toolObjectNames.isEmpty()) {
				tools.addAll(SpringAiTools
					.fromToolObjects(toolObjectNames.stream().map(beanFactory::getBean).toArray()));
			}
			return tools;
		}

	}

}
