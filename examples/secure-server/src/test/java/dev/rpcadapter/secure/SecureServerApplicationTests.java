package dev.rpcadapter.secure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;

import dev.rpcadapter.security.cert.CertificateRequest;
import dev.rpcadapter.security.cert.CertificateTool;
import dev.rpcadapter.security.cert.CrlRequest;
import dev.rpcadapter.security.cert.IssuedCertificate;
import dev.rpcadapter.security.cert.Pem;
import dev.rpcadapter.security.cert.TlsMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The README walkthrough as a test: certificates made here, the app's own application.yml otherwise. */
class SecureServerApplicationTests {

	@TempDir
	static Path certs;

	private static IssuedCertificate ca;

	private static IssuedCertificate revoked;

	private static ConfigurableApplicationContext app;

	private static String baseUrl;

	@BeforeAll
	static void start() throws IOException {
		ca = CertificateTool.createCa(CertificateRequest.forName("secure-server test CA"));
		ca.writeTo(certs, "ca");
		CertificateTool.issueServer(ca, CertificateRequest.forName("localhost").withDnsNames("localhost")
			.withIpAddresses("127.0.0.1")).writeTo(certs, "server");
		revoked = client("mallory", "admin");
		Files.writeString(certs.resolve("ca.crl"),
				Pem.encode(CertificateTool.createCrl(ca, CrlRequest.revoking(revoked.serialNumber()))));
		String dir = certs.toUri().toString();
		app = SpringApplication.run(SecureServerApplication.class, "--server.port=0",
				"--spring.ssl.bundle.pem.server.keystore.certificate=" + dir + "server.crt",
				"--spring.ssl.bundle.pem.server.keystore.private-key=" + dir + "server.key",
				"--spring.ssl.bundle.pem.server.truststore.certificate=" + dir + "ca.crt",
				"--adapter.security.mtls.crl=" + dir + "ca.crl");
		baseUrl = "https://localhost:" + app.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void userCertificateCallsUserCommandsAndIsDeniedAdminOnes() throws Exception {
		HttpClient bob = httpClient(client("bob", "user"));

		assertThat(call(bob, "word_count", "{\"text\":\"one two three\"}").body()).contains("\"result\":3");
		assertThat(call(bob, "rotate_keys", "{}").body()).contains("-32002");
	}

	@Test
	void adminTokenAddsItsRoleToAUserCertificate() throws Exception {
		HttpClient bob = httpClient(client("bob", "user"));

		HttpResponse<String> rotated = call(bob, "rotate_keys", "{}", "X-API-Key", "ops-secret-token");
		HttpResponse<String> wrongToken = call(bob, "rotate_keys", "{}", "X-API-Key", "guess");

		assertThat(rotated.body()).contains("\"rotated_by\":\"bob\"");
		assertThat(wrongToken.statusCode()).isEqualTo(401);
		assertThat(wrongToken.body()).contains("-32001");
	}

	@Test
	void connectionsWithoutACertificateOrWithARevokedOneFailTheHandshake() {
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> call(httpClient(null), "whoami", "{}"));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> call(httpClient(revoked), "whoami", "{}"));
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
