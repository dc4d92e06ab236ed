package dev.rpcadapter.autoconfigure.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.rpcadapter.test.JdbcTarget;
import dev.rpcadapter.test.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transfer tests with sessions in the real PostgreSQL ({@link TestPostgres}) beside
 * the JDBC job store, plus an upload that begins before a restart and completes after it.
 */
class TransferJdbcIntegrationTests extends TransferIntegrationTests {

	static final JdbcTarget DATABASE = TestPostgres.get();

	private static final String SCHEMA = "it_transfers";

	private static Path dir;

	@BeforeAll
	static void createSchema() throws Exception {
		execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
		dir = Files.createTempDirectory("transfers-it");
	}

	@AfterAll
	static void dropSchema() {
		execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
	}

	@Override
	Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("adapter.queue.store", "jdbc");
		properties.put("spring.datasource.url", DATABASE.urlWithSchema(SCHEMA));
		properties.put("spring.datasource.username", DATABASE.username());
		if (DATABASE.password() != null) {
			properties.put("spring.datasource.password", DATABASE.password());
		}
		properties.put("spring.datasource.hikari.maximum-pool-size", "6");
		properties.put("spring.quartz.properties.org.quartz.scheduler.idleWaitTime", "1000");
		properties.put("adapter.transfers.max-size", "1MB");
		properties.put("adapter.transfers.dir", dir.toString());
		return properties;
	}

	@Test
	void sessionsLiveInTheDatabase() {
		assertThat(server().context().getBean(dev.rpcadapter.transfer.TransferSessions.class).kind()).isEqualTo("jdbc");
	}

	@Test
	void anUploadBegunBeforeARestartCompletesAfterIt() {
		byte[] data = random(3000, 11);
		String id;
		try (TransferServer first = TransferServer.start(properties())) {
			id = first
				.result("transfer_upload_begin", Map.of("name", "restart.bin", "size", 3000, "chunk_size", 1000,
						"sha256", TransferServer.sha256(data)))
				.path("transfer_id")
				.asString();
			assertThat(first.put("/api/transfers/" + id + "/chunks/0", java.util.Arrays.copyOfRange(data, 0, 1000))
				.statusCode()).isEqualTo(200);
		}
		try (TransferServer second = TransferServer.start(properties())) {
			JsonNode status = second.result("transfer_upload_status", Map.of("transfer_id", id));
			assertThat(status.path("missing").toString()).isEqualTo("[1,2]");
			for (int i = 1; i < 3; i++) {
				byte[] part = java.util.Arrays.copyOfRange(data, i * 1000, (i + 1) * 1000);
				assertThat(second.put("/api/transfers/" + id + "/chunks/" + i, part).statusCode()).isEqualTo(200);
			}
			second.result("transfer_upload_complete", Map.of("transfer_id", id));
			assertThat(second.get("/api/transfers/" + id).body()).isEqualTo(data);
		}
	}

	static void execute(String... statements) {
		try (Connection connection = DriverManager.getConnection(DATABASE.url(), DATABASE.username(),
				DATABASE.password()); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
