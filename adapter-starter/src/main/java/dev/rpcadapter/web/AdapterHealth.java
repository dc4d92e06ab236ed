package dev.rpcadapter.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.health.ComponentHealth;
import dev.rpcadapter.health.HealthComponent;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Aggregates the {@link HealthComponent}s into the {@code /health} body. */
public final class AdapterHealth {

	private final CommandRegistry registry;

	private final List<HealthComponent> components;

	private final String version;

	private final String model;

	private final long startNanos = System.nanoTime();

	/**
	 * {@link #body()} off the event loop, shared by concurrent callers and kept for the
	 * cache period.
	 */
	private final Mono<Map<String, Object>> current;

	public AdapterHealth(CommandRegistry registry, List<HealthComponent> components, String version) {
		this(registry, components, version, "rpc-adapter", Duration.ofSeconds(1));
	}

	/**
	 * @param cacheFor how long one computed body is served ({@code 0}: computed for every
	 * call)
	 */
	public AdapterHealth(CommandRegistry registry, List<HealthComponent> components, String version,
			Duration cacheFor) {
		this(registry, components, version, "rpc-adapter", cacheFor);
	}

	/**
	 * @param model the server's name, reported as {@code model} like the seed adapter
	 * does
	 * @param cacheFor how long one computed body is served ({@code 0}: computed for every
	 * call)
	 */
	public AdapterHealth(CommandRegistry registry, List<HealthComponent> components, String version, String model,
			Duration cacheFor) {
		this.registry = registry;
		this.components = components;
		this.version = version;
		this.model = model;
		// components may block (a JDBC query, a CRL read): never on the event loop
		Mono<Map<String, Object>> compute = Mono.fromSupplier(this::body).subscribeOn(Schedulers.boundedElastic());
		this.current = (cacheFor.isZero() || cacheFor.isNegative()) ? compute : compute.cache(cacheFor);
	}

	/**
	 * The health body, computed on a worker thread at most once per cache period: callers
	 * that come while it is computed share that computation.
	 */
	public Mono<Map<String, Object>> current() {
		return this.current;
	}

	/**
	 * The health body:
	 * {@code {"status","model","version","uptime","components","process"}}; the
	 * components carry the seed adapter's {@code system}, {@code process} and
	 * {@code proxy_registration} entries beside the checked ones.
	 */
	public Map<String, Object> body() {
		Map<String, Object> components = new LinkedHashMap<>();
		ComponentHealth.Status worst = ComponentHealth.Status.OK;
		components.put("commands", Map.of("status", "ok", "registered_count", this.registry.all().size()));
		for (HealthComponent component : this.components) {
			ComponentHealth health = check(component);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("status", health.status().wire());
			entry.putAll(health.details());
			components.put(component.name(), entry);
			if (health.status().compareTo(worst) > 0) {
				worst = health.status();
			}
		}
		SeedHealthFields.addTo(components);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", worst.wire());
		body.put("model", this.model);
		body.put("version", this.version);
		body.put("uptime", Duration.ofNanos(System.nanoTime() - this.startNanos).toMillis() / 1000.0);
		body.put("components", components);
		body.put("process", components.get("process"));
		return body;
	}

	public boolean isDown(Map<String, Object> body) {
		return "down".equals(body.get("status"));
	}

	private static ComponentHealth check(HealthComponent component) {
		try {
			return component.check();
		}
		catch (RuntimeException ex) {
			return ComponentHealth.down(Map.of("error", ex.getClass().getSimpleName()));
		}
	}

}
