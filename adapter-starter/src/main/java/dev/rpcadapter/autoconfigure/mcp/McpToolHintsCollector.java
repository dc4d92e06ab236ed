package dev.rpcadapter.autoconfigure.mcp;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.command.ToolContent;
import dev.rpcadapter.command.ToolHints;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Collects, as beans are initialized, the {@link ToolHints} of {@link JsonRpcCommand}
 * methods and which of them return MCP content ({@link ToolContent} or a collection of
 * it).
 */
final class McpToolHintsCollector implements BeanPostProcessor, Function<String, @Nullable ToolHints> {

	private final Map<String, ToolHints> hints = new ConcurrentHashMap<>();

	private final Set<String> contentTools = ConcurrentHashMap.newKeySet();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (type.getName().startsWith("org.springframework.")) {
			return bean;
		}
		for (var method : type.getMethods()) {
			JsonRpcCommand command = AnnotationUtils.findAnnotation(method, JsonRpcCommand.class);
			if (command == null) {
				continue;
			}
			String name = command.name().isEmpty() ? method.getName() : command.name();
			ToolHints hint = AnnotationUtils.findAnnotation(method, ToolHints.class);
			if (hint != null) {
				this.hints.put(name, hint);
			}
			if (returnsContent(method)) {
				this.contentTools.add(name);
			}
		}
		return bean;
	}

	private static boolean returnsContent(Method method) {
		ResolvableType type = ResolvableType.forMethodReturnType(method);
		if (ToolContent.class.isAssignableFrom(type.toClass())) {
			return true;
		}
		return Collection.class.isAssignableFrom(type.toClass())
				&& ToolContent.class.isAssignableFrom(type.asCollection().getGeneric(0).toClass());
	}

	boolean isContentTool(String command) {
		return this.contentTools.contains(command);
	}

	@Override
	public @Nullable ToolHints apply(String command) {
		return this.hints.get(command);
	}

}
