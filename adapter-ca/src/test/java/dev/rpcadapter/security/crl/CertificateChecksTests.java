package dev.rpcadapter.security.crl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.CrlRequest;
import dev.rpcadapter.ca.IssuedCertificate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CertificateChecksTests {

	private static final IssuedCertificate CA = CertificateTool.createCa(CertificateRequest.forName("Test CA"));

	private static final IssuedCertificate SERVER = CertificateTool.issueServer(CA,
			CertificateRequest.forName("localhost"));

	private static final Clock CLOCK = Clock.systemUTC();

	@Test
	void currentServerCertificateWithCurrentCrlPasses() {
		CrlSet crls = crls(CrlRequest.revoking(List.of()));

		assertThatNoException()
			.isThrownBy(() -> CertificateChecks.checkServer(SERVER.certificate(), "server.crt", crls, CLOCK));
		assertThatNoException()
			.isThrownBy(() -> CertificateChecks.checkServer(SERVER.certificate(), "server.crt", null, CLOCK));
	}

	@Test
	void expiredServerCertificateFails() {
		Instant from = Instant.parse("2022-01-01T00:00:00Z");
		IssuedCertificate expired = CertificateTool.issueServer(CA,
				CertificateRequest.forName("old").withValidity(from, from.plus(Duration.ofDays(30))));

		assertThatExceptionOfType(CertificateCheckException.class)
			.isThrownBy(() -> CertificateChecks.checkServer(expired.certificate(), "certs/server.crt", null, CLOCK))
			.withMessageContaining("'CN=old' (certs/server.crt) expired at 2022-01-31T00:00:00Z")
			.withMessageContaining("issue a new certificate");
	}

	@Test
	void notYetValidServerCertificateFails() {
		Instant from = Instant.now().plus(Duration.ofDays(1));
		IssuedCertificate future = CertificateTool.issueServer(CA,
				CertificateRequest.forName("future").withValidity(from, from.plus(Duration.ofDays(30))));

		assertThatExceptionOfType(CertificateCheckException.class)
			.isThrownBy(() -> CertificateChecks.checkValidity(future.certificate(), "server.crt", CLOCK))
			.withMessageContaining("is not valid before");
	}

	@Test
	void revokedServerCertificateFails() {
		CrlSet crls = crls(CrlRequest.revoking(SERVER.serialNumber()));

		assertThatExceptionOfType(CertificateCheckException.class)
			.isThrownBy(() -> CertificateChecks.checkServer(SERVER.certificate(), "server.crt", crls, CLOCK))
			.withMessageContaining("serial " + SERVER.serialNumber().toString(16))
			.withMessageContaining("revocation check");
	}

	@Test
	void expiredCrlFails() {
		Instant issued = Instant.parse("2024-01-01T00:00:00Z");
		CrlSet crls = crls(CrlRequest.revoking(List.of()).withUpdateWindow(issued, issued.plusSeconds(60)));

		assertThatExceptionOfType(CrlException.class)
			.isThrownBy(() -> CertificateChecks.checkServer(SERVER.certificate(), "server.crt", crls, CLOCK))
			.withMessageContaining("ca.crl expired");
	}

	@Test
	void serverCertificateFromAnotherCaIsNotCheckedAgainstTheClientCrl() {
		IssuedCertificate publicCa = CertificateTool.createCa(CertificateRequest.forName("Public CA"));
		IssuedCertificate server = CertificateTool.issueServer(publicCa, CertificateRequest.forName("example.org"));

		assertThatNoException().isThrownBy(() -> CertificateChecks.checkServer(server.certificate(), "server.crt",
				crls(CrlRequest.revoking(List.of())), CLOCK));
	}

	private static CrlSet crls(CrlRequest request) {
		return CrlSet.of(List.of(new CrlSet.SourcedCrl(CertificateTool.createCrl(CA, request), "ca.crl")),
				List.of(CA.certificate()), CLOCK);
	}

}
