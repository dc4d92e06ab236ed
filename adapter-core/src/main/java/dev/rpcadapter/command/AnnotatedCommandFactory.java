package dev.rpcadapter.command;

import java.util.List;

import dev.rpcadapter.schema.SchemaGenerator;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.ObjectMapper;

/** Turns the {@link JsonRpcCommand} methods of an object into {@link Command}s. */
public interface AnnotatedCommandFactory {

	/**
	 * @param bean the object whose methods are called (may be a proxy)
	 * @param userClass the class to scan for annotations (the proxy's target class)
	 * @param beanName a name for diagnostics
	 * @return one command per annotated method
	 * @throws IllegalStateException if a method cannot be a command (a precise message says why)
	 */
	List<Command> commandsOf(Object bean, Class<?> userClass, String beanName);

	/**
	 * @param mapper binds params and serializes results
	 * @param schemas generates params and result schemas
	 * @param validator validates Bean Validation constraints on params, or {@code null} for none
	 * @param blockingScheduler where blocking command methods run
	 */
	static AnnotatedCommandFactory create(ObjectMapper mapper, SchemaGenerator schemas, @Nullable Validator validator,
			Scheduler blockingScheduler) {
		return new dev.rpcadapter.core.internal.MethodCommandFactory(mapper, schemas, validator, blockingScheduler);
	}
}
