package dev.rpcadapter.test;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL of the tests, chosen once per JVM: {@code ADAPTER_TEST_JDBC_URL} when
 * set (user {@code postgres}); otherwise a shared Testcontainers {@code postgres}
 * container when Docker is available; otherwise the local server at
 * {@code jdbc:postgresql://127.0.0.1:5432/test} (user {@code postgres}, trust
 * authentication, as {@code .ci/run} sets it up).
 */
public final class TestPostgres {

	/** The environment variable that names the database. */
	public static final String URL_VARIABLE = "ADAPTER_TEST_JDBC_URL";

	static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	static final String IMAGE = "postgres:16-alpine";

	private static final System.Logger logger = System.getLogger(TestPostgres.class.getName());

	private static @Nullable JdbcTarget shared;

	private TestPostgres() {
	}

	/** The database of this JVM's tests, resolved (and logged) on first use. */
	public static synchronized JdbcTarget get() {
		JdbcTarget target = shared;
		if (target == null) {
			target = resolve(System.getenv(), Docker::available, TestPostgres::startContainer);
			logger.log(Level.INFO, "Test PostgreSQL: {0} ({1})", target.url(), target.source());
			shared = target;
		}
		return target;
	}

	/**
	 * The decision: the variable, else a container when Docker is there, else the local
	 * server.
	 */
	static JdbcTarget resolve(Map<String, String> environment, BooleanSupplier docker, Supplier<JdbcTarget> container) {
		String url = environment.get(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			return new JdbcTarget(url, "postgres", null, URL_VARIABLE);
		}
		if (docker.getAsBoolean()) {
			return container.get();
		}
		return new JdbcTarget(LOCAL_URL, "postgres", null, "local server, no Docker");
	}

	@SuppressWarnings("resource") // shared for the JVM's life; Testcontainers' Ryuk
									// removes it afterwards
	private static JdbcTarget startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withUsername("postgres");
		container.start();
		return new JdbcTarget(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
				"Testcontainers " + IMAGE);
	}

}
