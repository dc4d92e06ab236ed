package dev.rpcadapter.autoconfigure.internal;

import java.util.List;

import dev.rpcadapter.command.AnnotatedCommandFactory;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.command.JsonRpcCommand;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.AnnotationUtils;

/** Registers the {@link JsonRpcCommand} methods of every bean as it is initialized. */
public final class CommandRegistrar implements BeanPostProcessor {

	private final ObjectProvider<CommandRegistry> registry;

	private final ObjectProvider<AnnotatedCommandFactory> factory;

	public CommandRegistrar(ObjectProvider<CommandRegistry> registry, ObjectProvider<AnnotatedCommandFactory> factory) {
		this.registry = registry;
		this.factory = factory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (!hasCommands(type)) {
			return bean;
		}
		List<Command> commands = this.factory.getObject().commandsOf(bean, type, beanName);
		CommandRegistry target = this.registry.getObject();
		commands.forEach(target::register);
		return bean;
	}

	private static boolean hasCommands(Class<?> type) {
		if (type.getName().startsWith("org.springframework.")) {
			return false;
		}
		for (var method : type.getMethods()) {
			if (AnnotationUtils.findAnnotation(method, JsonRpcCommand.class) != null) {
				return true;
			}
		}
		return false;
	}
}
