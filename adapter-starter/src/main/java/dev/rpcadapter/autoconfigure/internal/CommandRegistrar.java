package dev.rpcadapter.autoconfigure.internal;

import java.lang.reflect.Proxy;
import java.util.List;

import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.method.AnnotatedCommandFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Registers the {@link JsonRpcCommand} methods of every bean as it is initialized:
 * methods of any visibility of the user class behind CGLIB proxies and enhanced classes,
 * and annotations on interface methods the bean implements.
 */
public final class CommandRegistrar implements BeanPostProcessor {

	private final ObjectProvider<CommandRegistry> registry;

	private final ObjectProvider<AnnotatedCommandFactory> factory;

	public CommandRegistrar(ObjectProvider<CommandRegistry> registry, ObjectProvider<AnnotatedCommandFactory> factory) {
		this.registry = registry;
		this.factory = factory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = userClass(bean);
		if (type.getName().startsWith("org.springframework.") || !AnnotatedCommandFactory.declaresCommands(type)) {
			return bean;
		}
		List<Command> commands = this.factory.getObject().commandsOf(bean, type, beanName, AopUtils.isCglibProxy(bean));
		CommandRegistry target = this.registry.getObject();
		commands.forEach(target::register);
		return bean;
	}

	/**
	 * The class the user wrote: the target class of an AOP proxy, the superclass of a
	 * CGLIB-enhanced class.
	 */
	private static Class<?> userClass(Object bean) {
		Class<?> target = AopUtils.getTargetClass(bean);
		return Proxy.isProxyClass(target) ? target : ClassUtils.getUserClass(target);
	}

}
