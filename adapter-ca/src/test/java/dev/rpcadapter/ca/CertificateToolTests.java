package dev.rpcadapter.ca;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CertificateToolTests {

	private static final IssuedCertificate CA = CertificateTool.createCa(CertificateRequest.forName("Test CA"));

	@Test
	void caIsSelfSignedAndMarkedAsCertificateAuthority() throws Exception {
		X509Certificate ca = CA.certificate();

		ca.verify(ca.getPublicKey());
		assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
		assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
		assertThat(ca.getKeyUsage()[6]).as("cRLSign").isTrue();
		assertThat(CA.chain()).containsExactly(ca);
	}

	@Test
	void serverCertificateIsSignedByTheCaAndNamesHostsAndAddresses() throws Exception {
		IssuedCertificate server = CertificateTool.issueServer(CA,
				CertificateRequest.forName("localhost").withDnsNames("localhost").withIpAddresses("127.0.0.1", "::1"));
		X509Certificate certificate = server.certificate();

		certificate.verify(CA.certificate().getPublicKey());
		assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
		assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
		assertThat(certificate.getSubjectAlternativeNames()).extracting((name) -> (Object) name.get(1))
			.containsExactly((Object) "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(server.chain()).containsExactly(certificate, CA.certificate());
	}

	@Test
	void clientCertificateIsForClientAuthentication() throws Exception {
		X509Certificate client = CertificateTool.issueClient(CA, CertificateRequest.forName("alice").withRoles("admin"))
			.certificate();

		client.verify(CA.certificate().getPublicKey());
		assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
		assertThat(client.getSubjectX500Principal().getName()).isEqualTo("CN=alice");
	}

	@Test
	void validityCanLieInThePastToMakeExpiredCertificates() {
		Instant from = Instant.parse("2020-01-01T00:00:00Z");
		X509Certificate expired = CertificateTool
			.issueClient(CA, CertificateRequest.forName("old").withValidity(from, from.plus(Duration.ofDays(1))))
			.certificate();

		assertThat(expired.getNotAfter()).isEqualTo(Date.from(from.plus(Duration.ofDays(1))));
		assertThat(expired.getNotAfter()).isBefore(new Date());
	}

	@Test
	void rsaKeysCanBeChosen() throws Exception {
		IssuedCertificate rsaCa = CertificateTool
			.createCa(CertificateRequest.forName("RSA CA").withKeyAlgorithm(KeyAlgorithm.RSA_2048));
		IssuedCertificate server = CertificateTool.issueServer(rsaCa, CertificateRequest.forName("localhost"));

		assertThat(rsaCa.privateKey().getAlgorithm()).isEqualTo("RSA");
		assertThat(server.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
		server.certificate().verify(rsaCa.certificate().getPublicKey());
	}

	@Test
	void serialNumbersArePositiveAndDistinct() {
		BigInteger first = CertificateTool.issueClient(CA, CertificateRequest.forName("a")).serialNumber();
		BigInteger second = CertificateTool.issueClient(CA, CertificateRequest.forName("b")).serialNumber();

		assertThat(first).isPositive().isNotEqualTo(second);
	}

	@Test
	void crlIsSignedByTheCaAndListsRevokedSerials() throws Exception {
		IssuedCertificate revoked = CertificateTool.issueClient(CA, CertificateRequest.forName("mallory"));
		IssuedCertificate good = CertificateTool.issueClient(CA, CertificateRequest.forName("trent"));

		X509CRL crl = CertificateTool.createCrl(CA, CrlRequest.revoking(revoked.serialNumber()));

		assertThatNoException().isThrownBy(() -> crl.verify(CA.certificate().getPublicKey()));
		assertThat(crl.isRevoked(revoked.certificate())).isTrue();
		assertThat(crl.isRevoked(good.certificate())).isFalse();
		assertThat(crl.getNextUpdate()).isAfter(new Date());
	}

	@Test
	void crlCanBeAlreadyExpired() {
		Instant issued = Instant.parse("2021-01-01T00:00:00Z");
		X509CRL crl = CertificateTool.createCrl(CA,
				CrlRequest.revoking(List.of()).withUpdateWindow(issued, issued.plus(Duration.ofDays(7))));

		assertThat(crl.getNextUpdate()).isBefore(new Date());
		assertThat(crl.getRevokedCertificates()).isNull();
	}

	@Test
	void invalidRequestsAreRejectedWithAPreciseMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> CertificateRequest.forName(" "))
			.withMessageContaining("common name");
		Instant now = Instant.now();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CertificateRequest.forName("x").withValidity(now, now.minusSeconds(1)))
			.withMessageContaining("notAfter");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> CertificateTool.issueServer(CA, CertificateRequest.forName("x").withIpAddresses("localhost")))
			.withMessageContaining("Not an IP address literal: 'localhost'");
	}

}
