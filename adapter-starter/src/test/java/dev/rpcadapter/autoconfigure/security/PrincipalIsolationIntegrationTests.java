package dev.rpcadapter.autoconfigure.security;

import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.security.TestServer.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers that must stay apart: users behind a gateway that presents one client
 * certificate for all of them, and a certificate, a token and a JWT that carry the same
 * name. Each owns its jobs.
 */
class PrincipalIsolationIntegrationTests {

	private static final String ALICE = "alice-token-value";

	private static final String BOB = "bob-token-value";

	@TempDir
	static Path directory;

	private static TestCertificates certificates;

	private static TestServer server;

	private static SSLContext gateway;

	@BeforeAll
	static void start() {
		certificates = new TestCertificates(directory);
		gateway = certificates.clientTls(certificates.client("gateway", "user"));
		server = TestServer.startTls(certificates, "want", "adapter.security.enabled=true",
				"adapter.security.mtls.enabled=true", "adapter.security.tokens[" + ALICE + "]=user",
				"adapter.security.tokens[" + BOB + "]=user", "adapter.security.jwt.secret=" + Jwts.SECRET,
				"adapter.security.roles.user=add,whoami,report,queue_*");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void usersBehindOneGatewayCertificateDoNotShareJobs() throws Exception {
		var client = TestServer.client(gateway);
		String jobId = server.post(client, "/api/jsonrpc", call("report", "{\"title\":\"q3\"}"), "X-API-Key", ALICE)
			.json()
			.path("result")
			.path("job_id")
			.asString();
		String status = call("queue_get_job_status", "{\"job_id\":\"" + jobId + "\"}");

		assertThat(server.post(client, "/api/jsonrpc", status, "X-API-Key", ALICE)
			.json()
			.path("result")
			.path("job_id")
			.asString()).isEqualTo(jobId);
		assertThat(server.post(client, "/api/jsonrpc", status, "X-API-Key", BOB).errorCode()).isEqualTo(-32004);
		assertThat(server.post(client, "/api/jsonrpc", status).errorCode()).as("the gateway itself").isEqualTo(-32004);
		assertThat(server
			.post(client, "/api/jsonrpc", call("queue_delete_job", "{\"job_id\":\"" + jobId + "\"}"), "X-API-Key", BOB)
			.errorCode()).isEqualTo(-32004);
		assertThat(server.post(client, "/api/jsonrpc", call("queue_list_jobs", "{}"), "X-API-Key", BOB)
			.json()
			.path("result")
			.toString()).doesNotContain(jobId);
	}

	@Test
	void aCertificateAndAJwtWithTheSameNameAreDifferentCallers() throws Exception {
		var alice = TestServer.client(certificates.clientTls(certificates.client("alice", "user")));
		var anonymousTls = TestServer.client(certificates.clientTls(null));
		String certificate = whoami(alice).path("principal").asString();
		String jwt = whoami(anonymousTls, "Authorization", "Bearer " + Jwts.token("alice", "user")).path("principal")
			.asString();

		assertThat(certificate).isEqualTo("cert:alice");
		assertThat(jwt).isEqualTo("jwt:" + Jwts.ISSUER + "|alice");
		assertThat(whoami(anonymousTls, "X-API-Key", ALICE).path("principal").asString()).startsWith("token:")
			.isNotEqualTo(certificate);
	}

	@Test
	void aJwtWithoutASubjectIsRefused() throws Exception {
		var anonymousTls = TestServer.client(certificates.clientTls(null));
		JWTClaimsSet claims = Jwts.claims("x", "user").subject(null).build();

		assertThat(server
			.post(anonymousTls, "/api/jsonrpc", call("whoami", "{}"), "Authorization",
					"Bearer " + Jwts.sign(Jwts.SECRET, claims))
			.status()).isEqualTo(401);
	}

	private static JsonNode whoami(java.net.http.HttpClient client, String... headers) throws Exception {
		TestServer.Reply reply = server.post(client, "/api/jsonrpc", call("whoami", "{}"), headers);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("result");
	}

}
