package dev.rpcadapter.secure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.CrlRequest;
import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.ca.Pem;
import dev.rpcadapter.ca.TlsMaterial;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The README walkthrough as a test: certificates made here, the app's own application.yml
 * otherwise.
 */
class SecureServerApplicationTests {

	@TempDir
	static Path certs;

	private static IssuedCertificate ca;

	private static IssuedCertificate revoked;

	private static ConfigurableApplicationContext app;

	private static String baseUrl;

	/**
	 * The admin token, made for this run as setup.sh makes it: only its SHA-256 is
	 * configured.
	 */
	private static String adminToken;

	/**
	 * Hex SHA-256 of the admin token: an unnamed token's principal is {@code token:} and
	 * its first 6 digits.
	 */
	private static String adminTokenDigest;

	@BeforeAll
	static void start() throws Exception {
		ca = CertificateTool.createCa(CertificateRequest.forName("secure-server test CA"));
		ca.writeTo(certs, "ca");
		CertificateTool
			.issueServer(ca,
					CertificateRequest.forName("localhost").withDnsNames("localhost").withIpAddresses("127.0.0.1"))
			.writeTo(certs, "server");
		revoked = client("mallory", "admin");
		Files.writeString(certs.resolve("ca.crl"),
				Pem.encode(CertificateTool.createCrl(ca, CrlRequest.revoking(revoked.serialNumber()))));
		adminToken = HexFormat.of().formatHex(random32());
		Files.writeString(certs.resolve("admin-token.properties"), "adapter.security.tokens[{sha256}"
				+ (adminTokenDigest = HexFormat.of()
					.formatHex(
							MessageDigest.getInstance("SHA-256").digest(adminToken.getBytes(StandardCharsets.UTF_8))))
				+ "]=admin\n");
		String dir = certs.toUri().toString();
		app = SpringApplication.run(new Class<?>[] { SecureServerApplication.class, TlsEngines.class },
				new String[] { "--server.port=0", "--secure-server.certs=" + certs.toAbsolutePath(),
						"--spring.ssl.bundle.pem.server.keystore.certificate=" + dir + "server.crt",
						"--spring.ssl.bundle.pem.server.keystore.private-key=" + dir + "server.key",
						"--spring.ssl.bundle.pem.server.truststore.certificate=" + dir + "ca.crt",
						"--adapter.security.mtls.crl=" + dir + "ca.crl" });
		baseUrl = "https://localhost:" + app.getEnvironment().getProperty("local.server.port");
	}

	private static byte[] random32() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void userCertificateCallsUserCommandsAndIsDeniedAdminOnes() throws Exception {
		HttpClient bob = httpClient(client("bob", "user"));

		assertThat(call(bob, "word_count", "{\"text\":\"one two three\"}").body()).contains("\"result\":3");
		assertThat(call(bob, "rotate_keys", "{}").body()).contains("-32601");
	}

	@Test
	void adminTokenAddsItsRoleToAUserCertificate() throws Exception {
		HttpClient bob = httpClient(client("bob", "user"));

		HttpResponse<String> rotated = call(bob, "rotate_keys", "{}", "X-API-Key", adminToken);
		HttpResponse<String> wrongToken = call(bob, "rotate_keys", "{}", "X-API-Key", "guess");

		assertThat(rotated.body()).as("the token, not the certificate, names the caller")
			.contains("\"rotated_by\":\"token:" + adminTokenDigest.substring(0, 6) + "\"");
		assertThat(wrongToken.statusCode()).isEqualTo(401);
		assertThat(wrongToken.body()).contains("-32001");
	}

	@Test
	void auditReportIsAQueuedJobForAdminsOnly() throws Exception {
		HttpClient alice = httpClient(client("alice", "admin"));
		HttpClient bob = httpClient(client("bob", "user"));

		String jobId = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(call(alice, "audit_report", "{\"entries\":5}").body())
			.path("result")
			.path("job_id")
			.asString("");

		assertThat(jobId).isNotEmpty();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(call(alice, "queue_get_job_status", "{\"job_id\":\"" + jobId + "\"}").body())
						.contains("\"status\":\"completed\"")
						.contains("\"entries\":5"));
		// a command the caller may not call answers like an unknown one
		assertThat(call(bob, "audit_report", "{}").body()).contains("-32601");
	}

	@Test
	void connectionsWithoutACertificateOrWithARevokedOneFailTheHandshake() {
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> call(httpClient(null), "whoami", "{}"));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> call(httpClient(revoked), "whoami", "{}"));
	}

	@Test
	void theServerTerminatesTlsWithOpenSslAndStillChecksTheCrlOnTheHandshake() throws Exception {
		// the example ships BoringSSL (as docs/security.md recommends): the
		// revocation-checking trust
		// managers must be the ones OpenSSL asks, not only the JDK's SSLEngine
		assertThat(OpenSsl.isAvailable()).as("netty-tcnative loads on this machine").isTrue();
		assertThat(call(httpClient(client("bob", "user")), "whoami", "{}").statusCode()).isEqualTo(200);

		assertThat(TlsEngines.seen).isNotEmpty().allSatisfy((engine) -> assertThat(engine).contains("OpenSsl"));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> call(httpClient(revoked), "whoami", "{}"));
	}

	/**
	 * Records the class of every server-side TLS engine, to know which provider
	 * terminates TLS.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TlsEngines {

		static final Set<String> seen = ConcurrentHashMap.newKeySet();

		@Bean
		NettyServerCustomizer recordTlsEngines() {
			return (server) -> server.doOnConnection((connection) -> {
				SslHandler ssl = connection.channel().pipeline().get(SslHandler.class);
				if (ssl != null) {
					seen.add(ssl.engine().getClass().getName());
				}
			});
		}

	}

	private static IssuedCertificate client(String name, String roles) {
		return CertificateTool.issueClient(ca, CertificateRequest.forName(name).withRoles(roles.split(",")));
	}

	private static HttpClient httpClient(IssuedCertificate identity) {
		SSLContext tls = TlsMaterial.sslContext(identity, TlsMaterial.trustManager(List.of(ca.certificate())));
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build();
	}

	private static HttpResponse<String> call(HttpClient client, String method, String params, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/jsonrpc"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
