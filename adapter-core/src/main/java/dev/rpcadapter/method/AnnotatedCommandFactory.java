package dev.rpcadapter.method;

import java.util.List;

import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandMethodNotInvocableException;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.schema.SchemaGenerator;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns the {@link JsonRpcCommand} methods of an object into {@link Command}s.
 *
 * <p>
 * Methods of any visibility count: those declared by the class and its superclasses,
 * default methods of its interfaces, and methods that override or implement an annotated
 * method of a superclass or interface. A method that cannot be called correctly is never
 * skipped: it fails with {@link CommandMethodNotInvocableException}.
 */
public interface AnnotatedCommandFactory {

	/**
	 * Commands of a bean that is not a class proxy ({@code bean} is an instance of
	 * {@code userClass}, or an interface-based proxy).
	 * @see #commandsOf(Object, Class, String, boolean)
	 */
	default List<Command> commandsOf(Object bean, Class<?> userClass, String beanName) {
		return commandsOf(bean, userClass, beanName, false);
	}

	/**
	 * @param bean the object whose methods are called (the instance itself or a proxy)
	 * @param userClass the class to scan for annotations (the proxy's target class)
	 * @param beanName a name for diagnostics
	 * @param delegatingProxy whether {@code bean} is a class-based proxy that forwards
	 * calls to a separate target (Spring AOP's CGLIB proxies): then private, final and
	 * not-overridden methods fail, since a call to them would run on the proxy's own
	 * empty state
	 * @return one command per annotated method
	 * @throws CommandMethodNotInvocableException if an annotated method cannot be called
	 * @throws IllegalStateException if a method cannot be a command for another reason (a
	 * precise message says why)
	 */
	List<Command> commandsOf(Object bean, Class<?> userClass, String beanName, boolean delegatingProxy);

	/**
	 * Whether {@code type} has at least one {@link JsonRpcCommand} method (found as
	 * {@link #commandsOf} finds them).
	 */
	static boolean declaresCommands(Class<?> type) {
		return dev.rpcadapter.method.CommandMethods.any(type);
	}

	/**
	 * @param mapper binds params and serializes results
	 * @param schemas generates params and result schemas
	 * @param validator validates Bean Validation constraints on params, or {@code null}
	 * for none
	 * @param blockingScheduler where blocking command methods run
	 */
	static AnnotatedCommandFactory create(ObjectMapper mapper, SchemaGenerator schemas, @Nullable Validator validator,
			Scheduler blockingScheduler) {
		return new dev.rpcadapter.method.MethodCommandFactory(mapper, schemas, validator, blockingScheduler);
	}

}
