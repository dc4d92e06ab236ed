package dev.rpcadapter.autoconfigure.async;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.dispatch.AsyncDeliveries;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link AsyncDeliveries} on a {@link DeliveryStore}. Subscribers on this node are
 * completed at once by a delivery made here, and (shared store) by one made on another
 * node within the poll interval; a background task removes expired records.
 */
final class DefaultAsyncDeliveries implements AsyncDeliveries, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DefaultAsyncDeliveries.class);

	private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private final DeliveryStore store;

	private final ObjectMapper mapper;

	private final AdapterAsyncProperties properties;

	private final Predicate<Caller> admins;

	private final Clock clock;

	private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "adapter-async-deliveries");
		thread.setDaemon(true);
		return thread;
	});

	DefaultAsyncDeliveries(DeliveryStore store, ObjectMapper mapper, AdapterAsyncProperties properties,
			Predicate<Caller> admins, Clock clock) {
		this.store = store;
		this.mapper = mapper;
		this.properties = properties;
		this.admins = admins;
		this.clock = clock;
	}

	/**
	 * Starts the expiry sweep and, for a shared store, the poll for deliveries made on
	 * other nodes.
	 */
	DefaultAsyncDeliveries start() {
		long sweep = Math.max(1000, this.properties.getRetention().toMillis() / 10);
		this.executor.scheduleWithFixedDelay(guarded(this::sweep), sweep, sweep, TimeUnit.MILLISECONDS);
		if (this.store.isShared()) {
			long poll = this.properties.getPollInterval().toMillis();
			this.executor.scheduleWithFixedDelay(guarded(this::poll), poll, poll, TimeUnit.MILLISECONDS);
		}
		return this;
	}

	private static Runnable guarded(Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Async deliveries: {}", ex.getMessage());
			}
		};
	}

	@Override
	public Accepted accept(@Nullable String deliverId, Caller caller) {
		String id = (deliverId != null) ? deliverId : UUID.randomUUID().toString();
		if (!VALID_ID.matcher(id).matches()) {
			throw invalid("deliver_id must be 1 to 128 characters of A-Z a-z 0-9 . _ : -");
		}
		long mine = this.store.countPending(caller.principal());
		if (mine >= this.properties.getMaxPendingPerCaller()) {
			throw full("Too many undelivered async calls for '" + caller.principal() + "': " + mine
					+ " (adapter.async.max-pending-per-caller); wait for some to be delivered");
		}
		if (this.store.countPending() >= this.properties.getMaxPending()) {
			throw full("Too many undelivered async calls on this server (adapter.async.max-pending); try again later");
		}
		Instant expiresAt = this.clock.instant().plus(this.properties.getRetention());
		if (!this.store.insert(new Delivery(id, caller.principal(), expiresAt, false, null))) {
			throw invalid("deliver_id '" + id + "' is already in use; choose another or let the server make one");
		}
		return new Accepted(id, expiresAt);
	}

	@Override
	public void deliver(String deliverId, @Nullable String response) {
		String payload = (response != null) ? bounded(response) : null;
		this.store.complete(deliverId, payload, this.clock.instant().plus(this.properties.getRetention()));
		notifyWaiters(deliverId, payload);
	}

	/**
	 * The response as text, or an error response in its place when it is over the size
	 * limit.
	 */
	private String bounded(String response) {
		long max = this.properties.getMaxResultSize().toBytes();
		if (response.getBytes(StandardCharsets.UTF_8).length <= max) {
			return response;
		}
		ObjectNode error = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
		error.putObject("error")
			.put("code", ErrorCodes.COMMAND_FAILED)
			.put("message", "Response larger than adapter.async.max-result-size (" + max + " bytes): not kept");
		error.putNull("id");
		return error.toString();
	}

	@Override
	public Flux<JsonNode> events(String deliverId, Caller caller) {
		return Flux.<JsonNode>create((sink) -> {
			Delivery delivery = this.store.find(deliverId)
				.filter((d) -> d.expiresAt().isAfter(this.clock.instant()))
				.filter((d) -> d.owner().equals(caller.principal()) || this.admins.test(caller))
				.orElse(null);
			if (delivery == null) {
				sink.error(invalid(
						"deliver_id unknown or expired: '" + deliverId + "' (never accepted, expired, or not yours)"));
				return;
			}
			sink.next(event("subscribed", deliverId));
			// registered only after the ownership check, then the store is read again: a
			// delivery made
			// in between is seen by that read, one made after it by the waiter
			Waiter waiter = new Waiter(deliverId, sink);
			this.waiters.computeIfAbsent(deliverId, (id) -> new CopyOnWriteArraySet<>()).add(waiter);
			sink.onDispose(() -> remove(waiter));
			Delivery now = delivery.delivered() ? delivery : this.store.find(deliverId).orElse(delivery);
			if (now.delivered()) {
				waiter.complete(now.payload());
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private void poll() {
		if (this.waiters.isEmpty()) {
			return;
		}
		for (Delivery delivery : this.store.delivered(Set.copyOf(this.waiters.keySet()))) {
			notifyWaiters(delivery.deliverId(), delivery.payload());
		}
	}

	private void sweep() {
		int removed = this.store.deleteExpired(this.clock.instant());
		if (removed > 0) {
			logger.debug("Removed {} expired async deliveries", removed);
		}
	}

	private void notifyWaiters(String deliverId, @Nullable String payload) {
		Set<Waiter> waiting = this.waiters.get(deliverId);
		if (waiting != null) {
			waiting.forEach((waiter) -> waiter.complete(payload));
		}
	}

	private void remove(Waiter waiter) {
		this.waiters.computeIfPresent(waiter.deliverId, (id, set) -> {
			set.remove(waiter);
			return set.isEmpty() ? null : set;
		});
	}

	private static ObjectNode event(String name, String deliverId) {
		return JsonNodeFactory.instance.objectNode().put("event", name).put("deliver_id", deliverId);
	}

	private static JsonRpcException invalid(String message) {
		return new JsonRpcException(JsonRpcError.of(ErrorCodes.INVALID_PARAMS, message));
	}

	private static JsonRpcException full(String message) {
		return new JsonRpcException(JsonRpcError.of(ErrorCodes.QUEUE_FULL, message));
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/**
	 * One subscriber of one delivery: completed once, by whichever path sees the delivery
	 * first.
	 */
	private final class Waiter {

		private final String deliverId;

		private final FluxSink<JsonNode> sink;

		private final AtomicBoolean done = new AtomicBoolean();

		Waiter(String deliverId, FluxSink<JsonNode> sink) {
			this.deliverId = deliverId;
			this.sink = sink;
		}

		void complete(@Nullable String payload) {
			if (!this.done.compareAndSet(false, true)) {
				return;
			}
			ObjectNode event = event("delivery", this.deliverId);
			event.set("response", (payload != null) ? DefaultAsyncDeliveries.this.mapper.readTree(payload)
					: JsonNodeFactory.instance.nullNode());
			event.put("timestamp", DefaultAsyncDeliveries.this.clock.instant().toString());
			this.sink.next(event);
			this.sink.complete();
		}

	}

}
