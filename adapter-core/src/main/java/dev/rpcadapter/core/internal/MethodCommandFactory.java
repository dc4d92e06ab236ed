package dev.rpcadapter.core.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.CompletionStage;

import dev.rpcadapter.command.AnnotatedCommandFactory;
import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.schema.SchemaGenerator;
import dev.rpcadapter.transfer.TransferRef;
import dev.rpcadapter.transfer.Transfers;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builds {@link MethodCommandHandler}s and descriptors from annotated methods. */
public final class MethodCommandFactory implements AnnotatedCommandFactory {

	private final ObjectMapper mapper;

	private final ParamBinder binder;

	private final SchemaGenerator schemas;

	private final Scheduler blockingScheduler;

	private final Supplier<@Nullable Transfers> transfers;

	public MethodCommandFactory(ObjectMapper mapper, SchemaGenerator schemas, @Nullable Validator validator,
			Scheduler blockingScheduler) {
		this(mapper, schemas, validator, blockingScheduler, () -> null);
	}

	/**
	 * @param transfers the file transfers, asked at call time: {@code TransferRef} params and job
	 * artifacts need them ({@code null} when off)
	 */
	public MethodCommandFactory(ObjectMapper mapper, SchemaGenerator schemas, @Nullable Validator validator,
			Scheduler blockingScheduler, Supplier<@Nullable Transfers> transfers) {
		this.transfers = transfers;
		this.mapper = mapper;
		this.binder = new ParamBinder(mapper, validator);
		this.schemas = schemas;
		this.blockingScheduler = blockingScheduler;
	}

	@Override
	public List<Command> commandsOf(Object bean, Class<?> userClass, String beanName) {
		List<Command> commands = new ArrayList<>();
		Method[] methods = userClass.getMethods();
		Arrays.sort(methods, Comparator.comparing(Method::getName));
		for (Method method : methods) {
			JsonRpcCommand annotation = findAnnotation(userClass, method);
			if (annotation != null) {
				commands.add(create(bean, method, annotation, beanName + "#" + method.getName()));
			}
		}
		return commands;
	}

	private Command create(Object bean, Method method, JsonRpcCommand annotation, String source) {
		if (Modifier.isStatic(method.getModifiers())) {
			throw new IllegalStateException("@JsonRpcCommand method " + source + " must not be static");
		}
		String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
		List<ParamBinding> bindings = new ArrayList<>();
		for (Parameter parameter : method.getParameters()) {
			bindings.add(binding(parameter, source));
		}
		List<CommandDescriptor.ParamInfo> infos = new ArrayList<>();
		ObjectNode paramsSchema = paramsSchema(method, bindings, annotation.acceptsExtraParams(), infos);
		CommandDescriptor descriptor = new CommandDescriptor(name, annotation.description(), annotation.queued(),
				paramsSchema, resultSchema(method), infos, timeout(annotation.timeout(), source),
				annotation.recoverable(), annotation.acceptsExtraParams(), source);
		Method invocable = invocableMethod(bean, method);
		invocable.trySetAccessible();
		boolean blocking = switch (annotation.blocking()) {
			case YES -> true;
			case NO -> false;
			case AUTO -> !isAsync(method.getReturnType());
		};
		var handler = new MethodCommandHandler(bean, invocable, bindings, this.binder, descriptor.acceptsExtraParams(),
				blocking ? this.blockingScheduler : null, this.transfers);
		return new Command(descriptor, handler);
	}

	private ParamBinding binding(Parameter parameter, String source) {
		if (parameter.getType() == JobContext.class) {
			return new ParamBinding(ParamBinding.Kind.JOB, "", null, false, null, null);
		}
		if (parameter.getType() == Caller.class) {
			return new ParamBinding(ParamBinding.Kind.CALLER, "", null, false, null, null);
		}
		CommandParam param = parameter.getAnnotation(CommandParam.class);
		String name = (param != null && !param.value().isEmpty()) ? param.value() : parameter.getName();
		if (parameter.getType() == TransferRef.class) {
			return TransferBindings.binding(name, param, this.mapper);
		}
		if (!parameter.isNamePresent() && (param == null || param.value().isEmpty())) {
			throw new IllegalStateException("Cannot name parameter " + parameter.getName() + " of " + source
					+ ": compile with -parameters (maven-compiler-plugin <parameters>true</parameters>) or add @CommandParam(\"name\")");
		}
		var type = this.mapper.constructType(parameter.getParameterizedType());
		boolean optional = type.getRawClass() == Optional.class;
		Type valueType = optional ? optionalContent(parameter.getParameterizedType()) : parameter.getParameterizedType();
		JsonNode defaultValue = (param != null && !CommandParam.NO_DEFAULT.equals(param.defaultValue()))
				? parseDefault(param.defaultValue(), valueType) : null;
		boolean required = defaultValue == null && !optional && (param == null || param.required() || type.isPrimitive());
		ObjectNode schema = this.schemas.schemaFor(valueType, parameter);
		if (param != null && !param.description().isEmpty()) {
			schema.put("description", param.description());
		}
		if (defaultValue != null) {
			schema.set("default", defaultValue);
		}
		return new ParamBinding(ParamBinding.Kind.VALUE, name, type, required, defaultValue, schema);
	}

	/** The {@code Optional}'s type argument ({@code Object} for a raw {@code Optional}). */
	private static Type optionalContent(Type optional) {
		return (optional instanceof ParameterizedType parameterized) ? parameterized.getActualTypeArguments()[0]
				: Object.class;
	}

	/**
	 * A default as JSON; for string parameters, text that is not a JSON string literal is the
	 * string itself ({@code defaultValue = "8080"} is {@code "8080"}, not the number 8080).
	 */
	private JsonNode parseDefault(String text, Type target) {
		JsonNode node;
		try {
			node = this.mapper.readTree(text);
		}
		catch (JacksonException ex) {
			node = null;
		}
		boolean textual = target instanceof Class<?> raw && CharSequence.class.isAssignableFrom(raw);
		if (node == null || node.isMissingNode() || (textual && !node.isString())) {
			return JsonNodeFactory.instance.stringNode(text);
		}
		return node;
	}

	private ObjectNode paramsSchema(Method method, List<ParamBinding> bindings, boolean extra,
			List<CommandDescriptor.ParamInfo> infos) {
		ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		var required = JsonNodeFactory.instance.arrayNode();
		for (ParamBinding binding : bindings) {
			if (binding.isValue()) {
				properties.set(binding.name(), binding.schema());
				if (binding.required()) {
					required.add(binding.name());
				}
				infos.add(new CommandDescriptor.ParamInfo(binding.name(),
						binding.schema().path("description").asString(""), binding.required(), binding.schema()));
			}
		}
		if (!required.isEmpty()) {
			schema.set("required", required);
		}
		schema.put("additionalProperties", extra);
		return schema;
	}

	private ObjectNode resultSchema(Method method) {
		Type type = method.getGenericReturnType();
		Class<?> raw = method.getReturnType();
		if (raw == void.class || raw == Void.class) {
			return JsonNodeFactory.instance.objectNode().put("type", "null");
		}
		if ((isAsync(raw) || raw == Optional.class) && type instanceof ParameterizedType parameterized) {
			type = parameterized.getActualTypeArguments()[0];
		}
		return this.schemas.schemaFor(type);
	}

	/** The annotation on the method, or on the method it overrides or implements (superclasses, interfaces). */
	private static @Nullable JsonRpcCommand findAnnotation(Class<?> type, Method method) {
		JsonRpcCommand annotation = method.getAnnotation(JsonRpcCommand.class);
		if (annotation != null || type == null || type == Object.class) {
			return annotation;
		}
		for (Class<?> parent : parents(type)) {
			try {
				Method inherited = parent.getMethod(method.getName(), method.getParameterTypes());
				annotation = findAnnotation(parent, inherited);
				if (annotation != null) {
					return annotation;
				}
			}
			catch (NoSuchMethodException ex) {
				// not declared there
			}
		}
		return null;
	}

	private static List<Class<?>> parents(Class<?> type) {
		List<Class<?>> parents = new ArrayList<>(Arrays.asList(type.getInterfaces()));
		if (type.getSuperclass() != null) {
			parents.add(type.getSuperclass());
		}
		return parents;
	}

	private static boolean isAsync(Class<?> type) {
		return Mono.class.isAssignableFrom(type) || CompletionStage.class.isAssignableFrom(type);
	}

	private static @Nullable Duration timeout(String text, String source) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Durations.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Invalid timeout '" + text + "' on " + source
					+ ": use a duration such as 30s, 5m, 2h or PT1H", ex);
		}
	}

	private static Method invocableMethod(Object bean, Method method) {
		if (method.getDeclaringClass().isInstance(bean)) {
			return method;
		}
		try {
			return bean.getClass().getMethod(method.getName(), method.getParameterTypes());
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("Command method " + method + " is not callable on bean of type "
					+ bean.getClass().getName() + "; declare it on an interface the proxy implements", ex);
		}
	}
}
