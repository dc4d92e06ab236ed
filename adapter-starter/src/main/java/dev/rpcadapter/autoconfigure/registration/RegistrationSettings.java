package dev.rpcadapter.autoconfigure.registration;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The registration configuration, checked and resolved once at startup: every URL
 * absolute and http(s), the advertised URL not a wildcard, durations positive.
 *
 * @param serverId the id announced
 * @param advertisedUrl the configured advertised URL, or {@code null} to derive it from
 * the bound port
 * @param register the register endpoint
 * @param unregister the unregister endpoint
 * @param heartbeat the heartbeat endpoint
 * @param heartbeatInterval time between heartbeats
 * @param requestTimeout timeout per request
 * @param maxAttempts failures in a row before giving up (0: never)
 * @param initialBackoff first retry delay
 * @param maxBackoff longest retry delay
 * @param capabilities announced capabilities
 * @param metadata announced metadata (built-in entries, then the user's)
 * @param scheme {@code https} when the server itself serves TLS, else {@code http}
 * @param bindAddress {@code server.address}, if set
 */
record RegistrationSettings(String serverId, @Nullable URI advertisedUrl, URI register, URI unregister, URI heartbeat,
		Duration heartbeatInterval, Duration requestTimeout, int maxAttempts, Duration initialBackoff,
		Duration maxBackoff, List<String> capabilities, Map<String, Object> metadata, String scheme,
		@Nullable String bindAddress) {

	private static final String PREFIX = "adapter.registration.";

	/**
	 * @param builtInMetadata entries the proxy can use (paths, version); the user's
	 * metadata wins
	 * @throws InvalidRegistrationConfigurationException for any value that cannot work
	 */
	static RegistrationSettings of(AdapterRegistrationProperties properties, Environment environment,
			Map<String, Object> builtInMetadata) {
		String advertised = properties.getAdvertisedUrl().trim();
		URI advertisedUrl = advertised.isEmpty() ? null : RegistrationUrls.advertised(advertised);
		positive("heartbeat-interval", properties.getHeartbeatInterval());
		positive("request-timeout", properties.getRequestTimeout());
		positive("initial-backoff", properties.getInitialBackoff());
		positive("max-backoff", properties.getMaxBackoff());
		if (properties.getMaxBackoff().compareTo(properties.getInitialBackoff()) < 0) {
			throw new InvalidRegistrationConfigurationException(PREFIX + "max-backoff",
					properties.getMaxBackoff().toString(),
					"It is shorter than initial-backoff (" + properties.getInitialBackoff() + ").",
					"Make max-backoff at least initial-backoff.");
		}
		if (properties.getMaxAttempts() < 0) {
			throw new InvalidRegistrationConfigurationException(PREFIX + "max-attempts",
					String.valueOf(properties.getMaxAttempts()), "It must not be negative.",
					"Use 0 to retry forever, or a positive number of failures in a row before giving up.");
		}
		Map<String, Object> metadata = new LinkedHashMap<>(builtInMetadata);
		metadata.putAll(properties.getMetadata());
		return new RegistrationSettings(serverId(properties, environment), advertisedUrl,
				RegistrationUrls.proxyEndpoint(PREFIX + "register-url", properties.getRegisterUrl()),
				RegistrationUrls.proxyEndpoint(PREFIX + "unregister-url", properties.getUnregisterUrl()),
				RegistrationUrls.proxyEndpoint(PREFIX + "heartbeat-url", properties.getHeartbeatUrl()),
				properties.getHeartbeatInterval(), properties.getRequestTimeout(), properties.getMaxAttempts(),
				properties.getInitialBackoff(), properties.getMaxBackoff(), List.copyOf(properties.getCapabilities()),
				metadata, serverScheme(environment), environment.getProperty("server.address"));
	}

	private static String serverId(AdapterRegistrationProperties properties, Environment environment) {
		if (!properties.getServerId().isBlank()) {
			return properties.getServerId().trim();
		}
		String name = environment.getProperty("adapter.info.name", "");
		return name.isBlank() ? environment.getProperty("spring.application.name", "rpc-adapter") : name;
	}

	private static String serverScheme(Environment environment) {
		boolean configured = environment.containsProperty("server.ssl.bundle")
				|| environment.containsProperty("server.ssl.certificate")
				|| environment.containsProperty("server.ssl.key-store");
		return configured && environment.getProperty("server.ssl.enabled", Boolean.class, true) ? "https" : "http";
	}

	private static void positive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidRegistrationConfigurationException(PREFIX + name, value.toString(),
					"It must be a positive duration.", "Set it to a positive duration such as 30s.");
		}
	}
}
