package dev.rpcadapter.autoconfigure.security;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rpcadapter.health.ComponentHealth;
import dev.rpcadapter.health.HealthComponent;

/**
 * {@code /health} component {@code rate_limit} of the Redis store: {@code ok} while Redis
 * answers; otherwise {@code down} when request limits then refuse every request
 * ({@code redis-failure: deny}), else {@code degraded}; with the reason and what each
 * limit does meanwhile.
 */
final class RateLimitHealthComponent implements HealthComponent {

	private final RedisBuckets buckets;

	private final AdapterSecurityProperties.RateLimit properties;

	RateLimitHealthComponent(RedisBuckets buckets, AdapterSecurityProperties.RateLimit properties) {
		this.buckets = buckets;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "rate_limit";
	}

	@Override
	public ComponentHealth check() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("store", "redis");
		String failure = this.buckets.ping();
		if (failure == null) {
			return ComponentHealth.ok(details);
		}
		details.put("reason", "Redis " + failure);
		boolean requestsLimited = this.properties.isEnabled();
		AdapterSecurityProperties.RateLimit.StoreFailure requests = this.properties.getRedisFailure();
		if (requestsLimited) {
			details.put("requests",
					(requests == AdapterSecurityProperties.RateLimit.StoreFailure.DENY) ? "denied" : "not limited");
		}
		if (this.properties.getFailedAuthentication().isEnabled()) {
			details.put("failed_authentications",
					(this.properties.getFailedAuthentication()
						.getRedisFailure() == AdapterSecurityProperties.RateLimit.StoreFailure.DENY) ? "denied"
								: "not limited");
		}
		return (requestsLimited && requests == AdapterSecurityProperties.RateLimit.StoreFailure.DENY)
				? ComponentHealth.down(details) : ComponentHealth.degraded(details);
	}

}
