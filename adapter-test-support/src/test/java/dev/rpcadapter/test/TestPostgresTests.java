package dev.rpcadapter.test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestPostgresTests {

	private static final JdbcTarget CONTAINER = new JdbcTarget("jdbc:postgresql://localhost:32768/test", "test",
			"secret", "container");

	@Test
	void variableWinsWithoutAskingDocker() {
		AtomicBoolean asked = new AtomicBoolean();
		JdbcTarget target = TestPostgres.resolve(Map.of(TestPostgres.URL_VARIABLE, "jdbc:postgresql://db:5432/it"),
				() -> asked.getAndSet(true), () -> CONTAINER);
		assertThat(target.url()).isEqualTo("jdbc:postgresql://db:5432/it");
		assertThat(target.username()).isEqualTo("postgres");
		assertThat(asked).isFalse();
	}

	@Test
	void containerWhenDockerIsAvailable() {
		assertThat(TestPostgres.resolve(Map.of(), () -> true, () -> CONTAINER)).isSameAs(CONTAINER);
	}

	@Test
	void blankVariableCountsAsUnset() {
		assertThat(TestPostgres.resolve(Map.of(TestPostgres.URL_VARIABLE, " "), () -> true, () -> CONTAINER))
			.isSameAs(CONTAINER);
	}

	@Test
	void localServerWithoutDocker() {
		JdbcTarget target = TestPostgres.resolve(Map.of(), () -> false, () -> {
			throw new AssertionError("no container without Docker");
		});
		assertThat(target.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
		assertThat(target.username()).isEqualTo("postgres");
		assertThat(target.password()).isNull();
	}

	@Test
	void schemaIsAddedAsParameter() {
		assertThat(new JdbcTarget("jdbc:postgresql://h/db", "u", null, "s").urlWithSchema("q"))
			.isEqualTo("jdbc:postgresql://h/db?currentSchema=q");
		assertThat(new JdbcTarget("jdbc:postgresql://h/db?ssl=false", "u", null, "s").urlWithSchema("q"))
			.isEqualTo("jdbc:postgresql://h/db?ssl=false&currentSchema=q");
	}

}
