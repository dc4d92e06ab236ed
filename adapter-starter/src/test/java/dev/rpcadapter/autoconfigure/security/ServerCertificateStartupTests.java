package dev.rpcadapter.autoconfigure.security;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.rpcadapter.autoconfigure.diagnostics.AdapterSecurityFailureAnalyzer;
import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CrlRequest;
import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A server whose certificate or CRL is unusable refuses to start and says why. */
@ExtendWith(OutputCaptureExtension.class)
class ServerCertificateStartupTests {

	@TempDir
	Path directory;

	@Test
	void missingCrlStopsTheServer(CapturedOutput output) {
		TestCertificates certificates = new TestCertificates(this.directory);

		FailureAnalysis analysis = startFails(certificates, this.directory.resolve("missing.crl").toUri().toString());

		assertThat(analysis.getDescription()).contains("missing.crl").contains("does not exist");
		assertThat(analysis.getAction()).contains("adapter.security.mtls.crl");
		assertThat(output).contains("APPLICATION FAILED TO START").contains("rpc-adapter security:");
	}

	@Test
	void expiredCrlStopsTheServer() {
		TestCertificates certificates = new TestCertificates(this.directory);
		Instant now = Instant.now();
		Path crl = certificates.writeCrl(CrlRequest.revoking(List.of())
			.withUpdateWindow(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))));

		FailureAnalysis analysis = startFails(certificates, crl.toUri().toString());

		assertThat(analysis.getDescription()).contains("expired");
		assertThat(analysis.getAction()).contains("Publish a current CRL");
	}

	@Test
	void unreadableCrlStopsTheServer() throws Exception {
		TestCertificates certificates = new TestCertificates(this.directory);
		Path crl = java.nio.file.Files.writeString(this.directory.resolve("garbage.crl"), "not a CRL");

		FailureAnalysis analysis = startFails(certificates, crl.toUri().toString());

		assertThat(analysis.getDescription()).contains("garbage.crl");
		assertThat(analysis.getAction()).contains("PEM or DER");
	}

	@Test
	void revokedServerCertificateStopsTheServer() {
		TestCertificates certificates = new TestCertificates(this.directory);
		Path crl = certificates.writeCrl(List.of(certificates.server().serialNumber()));

		FailureAnalysis analysis = startFails(certificates, crl.toUri().toString());

		assertThat(analysis.getDescription()).contains("CN=localhost").contains("revocation");
		assertThat(analysis.getAction()).contains("Issue a new server certificate");
	}

	@Test
	void expiredServerCertificateStopsTheServer() {
		Instant now = Instant.now();
		TestCertificates certificates = new TestCertificates(this.directory,
				CertificateRequest.forName("localhost")
					.withDnsNames("localhost")
					.withValidity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(2))));

		FailureAnalysis analysis = startFails(certificates, null);

		assertThat(analysis.getDescription()).contains("expired");
		assertThat(analysis.getAction()).contains("server.ssl.bundle");
	}

	private static FailureAnalysis startFails(TestCertificates certificates, String crl) {
		List<String> properties = new ArrayList<>(List.of(certificates.serverBundle("need")));
		properties.addAll(List.of("adapter.security.enabled=true", "adapter.security.mtls.enabled=true",
				"adapter.security.roles.admin=*"));
		if (crl != null) {
			properties.add("adapter.security.mtls.crl=" + crl);
		}
		Throwable failure = catchThrowable(() -> TestServer.start("https", properties.toArray(String[]::new)).close());
		assertThat(failure).as("startup failure").isNotNull();
		FailureAnalysis analysis = new AdapterSecurityFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

}
