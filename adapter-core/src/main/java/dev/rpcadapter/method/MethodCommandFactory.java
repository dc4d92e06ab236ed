package dev.rpcadapter.method;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.command.McpExchange;
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
	 * @param transfers the file transfers, asked at call time: {@code TransferRef} params
	 * and job artifacts need them ({@code null} when off)
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
	public List<Command> commandsOf(Object bean, Class<?> userClass, String beanName, boolean delegatingProxy) {
		List<Command> commands = new ArrayList<>();
		for (CommandMethods.Found found : CommandMethods.find(userClass)) {
			commands.add(create(bean, found, delegatingProxy, beanName + "#" + found.method().getName()));
		}
		return commands;
	}

	private Command create(Object bean, CommandMethods.Found found, boolean delegatingProxy, String source) {
		Method method = found.method();
		JsonRpcCommand annotation = found.annotation();
		Method invocable = InvocableMethods.resolve(bean, method, delegatingProxy, source);
		String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
		List<ParamBinding> bindings = new ArrayList<>();
		Parameter[] declared = found.declaration().getParameters();
		Parameter[] parameters = method.getParameters();
		for (int i = 0; i < parameters.length; i++) {
			bindings.add(binding(parameters[i], declared[i], source));
		}
		ObjectNode paramsSchema = paramsSchema(bindings, annotation.acceptsExtraParams());
		CommandDescriptor descriptor = new CommandDescriptor(name, annotation.description(), annotation.queued(),
				paramsSchema, resultSchema(method), List.of(), timeout(annotation.timeout(), source),
				annotation.recoverable(), annotation.acceptsExtraParams(), source,
				syncCap(annotation.syncCap(), source));
		boolean blocking = switch (annotation.blocking()) {
			case YES -> true;
			case NO -> false;
			case AUTO -> !isAsync(method.getReturnType());
		};
		var handler = new MethodCommandHandler(bean, invocable, bindings, this.binder, descriptor.acceptsExtraParams(),
				blocking ? this.blockingScheduler : null, this.transfers);
		return new Command(descriptor, handler);
	}

	/**
	 * @param parameter the parameter of the method that runs
	 * @param declared the same parameter on the annotated declaration (an interface or
	 * superclass method may carry the {@code @CommandParam})
	 */
	private ParamBinding binding(Parameter parameter, Parameter declared, String source) {
		if (parameter.getType() == JobContext.class) {
			return new ParamBinding(ParamBinding.Kind.JOB, "", null, false, null, null);
		}
		if (parameter.getType() == McpExchange.class) {
			return new ParamBinding(ParamBinding.Kind.EXCHANGE, "", null, false, null, null);
		}
		if (parameter.getType() == Caller.class) {
			return new ParamBinding(ParamBinding.Kind.CALLER, "", null, false, null, null);
		}
		CommandParam param = parameter.getAnnotation(CommandParam.class);
		if (param == null) {
			param = declared.getAnnotation(CommandParam.class);
		}
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
		Type valueType = optional ? optionalContent(parameter.getParameterizedType())
				: parameter.getParameterizedType();
		JsonNode defaultValue = (param != null && !CommandParam.NO_DEFAULT.equals(param.defaultValue()))
				? parseDefault(param.defaultValue(), valueType) : null;
		boolean required = defaultValue == null && !optional
				&& (param == null || param.required() || type.isPrimitive());
		ObjectNode schema = this.schemas.schemaFor(valueType, parameter);
		if (param != null && !param.description().isEmpty()) {
			schema.put("description", param.description());
		}
		if (defaultValue != null) {
			schema.set("default", defaultValue);
		}
		return new ParamBinding(ParamBinding.Kind.VALUE, name, type, required, defaultValue, schema);
	}

	/**
	 * The {@code Optional}'s type argument ({@code Object} for a raw {@code Optional}).
	 */
	private static Type optionalContent(Type optional) {
		return (optional instanceof ParameterizedType parameterized) ? parameterized.getActualTypeArguments()[0]
				: Object.class;
	}

	/**
	 * A default as JSON; for string parameters, text that is not a JSON string literal is
	 * the string itself ({@code defaultValue = "8080"} is {@code "8080"}, not the number
	 * 8080).
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

	/**
	 * The params schema: the source of the descriptor's params (names in positional
	 * order, required, descriptions).
	 */
	private ObjectNode paramsSchema(List<ParamBinding> bindings, boolean extra) {
		ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		var required = JsonNodeFactory.instance.arrayNode();
		for (ParamBinding binding : bindings) {
			if (binding.isValue()) {
				if (properties.has(binding.name())) {
					throw new IllegalStateException("Two parameters are named '" + binding.name() + "'");
				}
				properties.set(binding.name(), binding.schema());
				if (binding.required()) {
					required.add(binding.name());
				}
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
			throw new IllegalStateException(
					"Invalid timeout '" + text + "' on " + source + ": use a duration such as 30s, 5m, 2h or PT1H", ex);
		}
	}

	private static @Nullable Duration syncCap(String text, String source) {
		if (text.isBlank()) {
			return null;
		}
		if (text.trim().equals("0")) {
			return Duration.ZERO;
		}
		try {
			return Durations.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Invalid syncCap '" + text + "' on " + source
					+ ": use a duration such as 30s or 5m, or 0 for never", ex);
		}
	}

}
