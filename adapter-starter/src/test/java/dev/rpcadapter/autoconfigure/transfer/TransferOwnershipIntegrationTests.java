package dev.rpcadapter.autoconfigure.transfer;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With security on, a transfer belongs to its caller: others get the unknown-transfer
 * answer; role queue_admin sees all (the queue's rule).
 */
class TransferOwnershipIntegrationTests {

	private static final String[] ALICE = { "X-API-Key", "alice-key" };

	private static final String[] BOB = { "X-API-Key", "bob-key" };

	private static final String[] ROOT = { "X-API-Key", "root-key" };

	private static final String[] GUEST = { "X-API-Key", "guest-key" };

	private static TransferServer server;

	@BeforeAll
	static void start() {
		server = TransferServer.start(Map.of("adapter.security.enabled", "true", "adapter.security.tokens[alice-key]",
				"user", "adapter.security.tokens[bob-key]", "user", "adapter.security.tokens[root-key]", "queue_admin",
				"adapter.security.tokens[guest-key]", "guest", "adapter.security.roles.queue_admin", "*",
				"adapter.security.roles.user", "transfer_*,t_size,queue_*", "adapter.security.roles.guest",
				"transfer_upload_begin"));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void anotherCallersTransferLooksUnknownAndAnAdminSeesIt() {
		byte[] data = { 1, 2, 3 };
		String id = server.result("transfer_upload_begin", Map.of("name", "a.bin", "size", 3), ALICE)
			.path("transfer_id")
			.asString();
		assertThat(server.put("/api/transfers/" + id + "/chunks/0", data, BOB).statusCode()).isEqualTo(404);
		assertThat(server.put("/api/transfers/" + id + "/chunks/0", data, ALICE).statusCode()).isEqualTo(200);
		JsonNode bobs = server.error("transfer_upload_status", Map.of("transfer_id", id), BOB);
		JsonNode unknown = server.error("transfer_upload_status",
				Map.of("transfer_id", "00000000-0000-0000-0000-000000000000"), BOB);
		assertThat(bobs).isEqualTo(unknown);
		assertThat(server.error("transfer_upload_complete", Map.of("transfer_id", id), BOB)).isEqualTo(unknown);
		server.result("transfer_upload_complete", Map.of("transfer_id", id), ALICE);
		assertThat(server.get("/api/transfers/" + id, BOB).statusCode()).isEqualTo(404);
		assertThat(server.error("t_size", Map.of("file", id), BOB).path("code").asInt()).isEqualTo(-32602);
		assertThat(server.result("t_size", Map.of("file", id), ALICE).asLong()).isEqualTo(3);
		assertThat(server.get("/api/transfers/" + id, ALICE).body()).isEqualTo(data);
		assertThat(server.get("/api/transfers/" + id, ROOT).body()).isEqualTo(data);
	}

	@Test
	void theRawEndpointsAuthenticateAndAuthorize() {
		String id = server.result("transfer_upload_begin", Map.of("name", "g.bin", "size", 1), GUEST)
			.path("transfer_id")
			.asString();
		assertThat(server.put("/api/transfers/" + id + "/chunks/0", new byte[1]).statusCode()).isEqualTo(401);
		var denied = server.put("/api/transfers/" + id + "/chunks/0", new byte[1], GUEST);
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(TransferServer.JSON.readTree(denied.body()).path("error").path("code").asInt()).isEqualTo(-32002);
		assertThat(server.get("/api/transfers/" + id).statusCode()).isEqualTo(401);
	}

}
