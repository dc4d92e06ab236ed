package dev.rpcadapter.autoconfigure.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.command.ToolHints;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.AnnotationUtils;

/** Collects the {@link ToolHints} of {@link JsonRpcCommand} methods as beans are initialized. */
final class McpToolHintsCollector implements BeanPostProcessor, Function<String, @Nullable ToolHints> {

	private final Map<String, ToolHints> hints = new ConcurrentHashMap<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (type.getName().startsWith("org.springframework.")) {
			return bean;
		}
		for (var method : type.getMethods()) {
			JsonRpcCommand command = AnnotationUtils.findAnnotation(method, JsonRpcCommand.class);
			ToolHints hint = (command != null) ? AnnotationUtils.findAnnotation(method, ToolHints.class) : null;
			if (hint != null) {
				this.hints.put(command.name().isEmpty() ? method.getName() : command.name(), hint);
			}
		}
		return bean;
	}

	@Override
	public @Nullable ToolHints apply(String command) {
		return this.hints.get(command);
	}
}
