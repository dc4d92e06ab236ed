package dev.rpcadapter.test;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Redis of the tests, chosen once per JVM like {@link TestPostgres}:
 * {@code ADAPTER_TEST_REDIS} ({@code host:port}) when set; otherwise a shared
 * Testcontainers {@code redis} container when Docker is available; otherwise the local
 * server at {@code 127.0.0.1:6379}.
 */
public final class TestRedis {

	/** The environment variable that names the server, {@code host:port}. */
	public static final String ADDRESS_VARIABLE = "ADAPTER_TEST_REDIS";

	static final String IMAGE = "redis:7-alpine";

	private static final System.Logger logger = System.getLogger(TestRedis.class.getName());

	private static @Nullable ServiceAddress shared;

	private TestRedis() {
	}

	/** The Redis of this JVM's tests, resolved (and logged) on first use. */
	public static synchronized ServiceAddress get() {
		ServiceAddress address = shared;
		if (address == null) {
			address = resolve(System.getenv(), Docker::available, TestRedis::startContainer);
			logger.log(Level.INFO, "Test Redis: {0}:{1,number,#} ({2})", address.host(), address.port(),
					address.source());
			shared = address;
		}
		return address;
	}

	/**
	 * The decision: the variable, else a container when Docker is there, else the local
	 * server.
	 */
	static ServiceAddress resolve(Map<String, String> environment, BooleanSupplier docker,
			Supplier<ServiceAddress> container) {
		String address = environment.get(ADDRESS_VARIABLE);
		if (address != null && !address.isBlank()) {
			return ServiceAddress.parse(address.strip(), ADDRESS_VARIABLE);
		}
		if (docker.getAsBoolean()) {
			return container.get();
		}
		return new ServiceAddress("127.0.0.1", 6379, "local server, no Docker");
	}

	@SuppressWarnings("resource") // shared for the JVM's life; Testcontainers' Ryuk
									// removes it afterwards
	private static ServiceAddress startContainer() {
		GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE)).withExposedPorts(6379);
		container.start();
		return new ServiceAddress(container.getHost(), container.getMappedPort(6379), "Testcontainers " + IMAGE);
	}

}
