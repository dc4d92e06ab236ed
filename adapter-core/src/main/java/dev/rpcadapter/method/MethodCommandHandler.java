package dev.rpcadapter.method;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandHandler;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.McpExchange;
import dev.rpcadapter.command.PreparedCall;
import dev.rpcadapter.dispatch.RunningCall;
import dev.rpcadapter.transfer.Transfers;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

/** Calls one annotated method reflectively with bound, validated arguments. */
final class MethodCommandHandler implements CommandHandler {

	private final Object bean;

	private final Method method;

	private final List<ParamBinding> bindings;

	private final ParamBinder binder;

	private final boolean acceptsExtra;

	private final @Nullable Scheduler scheduler;

	private final Supplier<@Nullable Transfers> transfers;

	MethodCommandHandler(Object bean, Method method, List<ParamBinding> bindings, ParamBinder binder,
			boolean acceptsExtra, @Nullable Scheduler scheduler, Supplier<@Nullable Transfers> transfers) {
		this.transfers = transfers;
		this.bean = bean;
		this.method = method;
		this.bindings = bindings;
		this.binder = binder;
		this.acceptsExtra = acceptsExtra;
		this.scheduler = scheduler;
	}

	@Override
	public PreparedCall prepare(@Nullable JsonNode params) {
		@Nullable Object[] bound = this.binder.bind(params, this.bindings, this.acceptsExtra);
		this.binder.validate(this.bean, this.method, this.bindings,
				withInjected(bound, Caller.ANONYMOUS, JobContext.NONE, McpExchange.NONE, false));
		boolean exchange = this.bindings.stream().anyMatch((b) -> b.kind() == ParamBinding.Kind.EXCHANGE);
		if (this.scheduler == null) {
			// non-blocking: invoke at once on the calling thread; synchronous results
			// stay scalar
			// (a method that takes the McpExchange reads it from the subscription's
			// context)
			return exchange
					? (caller, job) -> Mono.deferContextual((ctx) -> call(bound, caller, job, Exchanges.of(ctx, job)))
					: (caller, job) -> call(bound, caller, job, McpExchange.NONE);
		}
		return (caller, job) -> Mono
			.deferContextual(
					(ctx) -> callOnWorker(bound, caller, job, exchange ? Exchanges.of(ctx, job) : McpExchange.NONE))
			.subscribeOn(this.scheduler);
	}

	/**
	 * A blocking call on a worker thread; a call under a sync cap learns the thread, to
	 * interrupt it.
	 */
	private Mono<Object> callOnWorker(@Nullable Object[] bound, Caller caller, JobContext job, McpExchange exchange) {
		if (!(job instanceof RunningCall running)) {
			return call(bound, caller, job, exchange);
		}
		running.bindThread(Thread.currentThread());
		try {
			return call(bound, caller, job, exchange);
		}
		finally {
			running.unbindThread();
		}
	}

	private Mono<Object> call(@Nullable Object[] bound, Caller caller, JobContext job, McpExchange exchange) {
		try {
			return adapt(invoke(withInjected(bound, caller, job, exchange, true)));
		}
		catch (Throwable ex) {
			return Mono.error(ex);
		}
	}

	/**
	 * The bound args plus the injected ones; transfer ids become {@code TransferRef}s
	 * when {@code resolve}.
	 */
	private @Nullable Object[] withInjected(@Nullable Object[] bound, Caller caller, JobContext job,
			McpExchange exchange, boolean resolve) {
		Object[] args = bound.clone();
		for (int i = 0; i < args.length; i++) {
			ParamBinding binding = this.bindings.get(i);
			switch (binding.kind()) {
				case JOB -> args[i] = TransferBindings.jobContext(job, caller, this.transfers.get());
				case CALLER -> args[i] = caller;
				case EXCHANGE -> args[i] = exchange;
				case TRANSFER ->
					args[i] = resolve ? TransferBindings.resolve(binding, args[i], caller, this.transfers.get()) : null;
				default -> {
				}
			}
		}
		return args;
	}

	private @Nullable Object invoke(@Nullable Object[] args) throws Throwable {
		try {
			return this.method.invoke(this.bean, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@SuppressWarnings("unchecked")
	private static Mono<Object> adapt(@Nullable Object result) {
		if (result instanceof Mono<?> mono) {
			return (Mono<Object>) mono;
		}
		if (result instanceof CompletionStage<?> stage) {
			return Mono.fromCompletionStage((CompletionStage<Object>) stage);
		}
		if (result instanceof Optional<?> optional) {
			return Mono.justOrEmpty((Optional<Object>) optional);
		}
		return Mono.justOrEmpty(result);
	}

}
